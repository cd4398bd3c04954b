package vn.tiendo.command.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.tiendo.command.common.ConflictOfInterest;
import vn.tiendo.command.common.FourEyes;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.common.UnknownRecord;
import vn.tiendo.command.importing.ImportProblem;
import vn.tiendo.command.importing.ImportRejected;
import vn.tiendo.command.importing.ImportService;
import vn.tiendo.platform.security.RequestSizeLimit;
import vn.tiendo.platform.web.ProblemDetails.FieldError;
import vn.tiendo.platform.web.ProblemDetails;

import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static vn.tiendo.platform.web.ProblemDetails.answer;
import static vn.tiendo.platform.web.ProblemDetails.internal;
import static vn.tiendo.platform.web.ProblemDetails.invalid;
import static vn.tiendo.platform.web.ProblemDetails.problem;

/**
 * Every error as RFC 7807 problem details. Bad input is 400 and names each bad field in {@code errors};
 * unknown ids 404; stale versions and state conflicts 409. No stack traces or SQL reach the client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var tooLarge = RequestSizeLimit.TooLarge.in(ex);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                    "Yêu cầu quá lớn / Request too large", tooLarge.get().getMessage()));
        }
        String field = "body";
        String message = ex.getCause() instanceof StreamConstraintsException limit
                ? "the request body goes past a limit: " + limit.getOriginalMessage() : "the request body is not valid JSON";
        if (ex.getCause() instanceof JsonMappingException mapping) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable root = mapping.getCause() != null ? mapping.getCause() : mapping;
            message = root instanceof IllegalArgumentException ? root.getMessage() : "has the wrong type or format";
            if (field.isEmpty()) {
                field = "body";
            }
        }
        return ResponseEntity.badRequest().body(invalid(field, message));
    }

    /** A refused import: every bad row and column, so the user knows exactly what to fix. */
    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> importRejected(ImportRejected e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "import-rejected", "Tệp không hợp lệ, chưa nhập gì / File refused, nothing imported",
                e.getMessage());
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("row", p.row());
            error.put("column", p.column());
            error.put("field", p.row() == 0 ? p.column() : "row " + p.row() + ": " + p.column());
            error.put("message", p.message());
            if (p.unknownName() != null) {
                error.put("unknownName", p.unknownName());
                error.put("proposals", p.proposals());
            }
            return error;
        }).toList());
        problem.setProperty("unknownNames", UnknownName.of(e.problems()));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Each agency name of a refused file that names no registered agency, once, with the rows that write it and the
     * agencies it may mean: what a user confirms (POST /api/agencies/{agencyId}/aliases) before importing again.
     */
    record UnknownName(String name, List<Integer> rows, List<ImportProblem.Proposal> proposals) {

        static List<UnknownName> of(List<ImportProblem> problems) {
            Map<String, UnknownName> byName = new LinkedHashMap<>();
            for (ImportProblem p : problems) {
                if (p.unknownName() != null) {
                    byName.computeIfAbsent(p.unknownName(), name -> new UnknownName(name, new ArrayList<>(), p.proposals())).rows().add(p.row());
                }
            }
            return List.copyOf(byName.values());
        }
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Tệp quá lớn / File too large",
                "files up to " + ImportService.MAX_BYTES / 1024 / 1024 + " MB can be imported");
        problem.setProperty("errors", List.of(new FieldError("file", "larger than " + ImportService.MAX_BYTES / 1024 / 1024 + " MB")));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(ex.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(ex.getRequestPartName(), "is required"));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        return answer(invalid(e.field(), e.getMessage()));
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<ProblemDetail> stateConflict(StateConflict e) {
        return conflict("state-conflict", e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "version-conflict", "Dữ liệu đã thay đổi / Version conflict",
                "expected version " + e.getExpectedVersion() + " but it is " + e.getActualVersion() + "; reload and try again");
        problem.setProperty("currentVersion", e.getActualVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Two writers appended to the same aggregate at once, or an id was used twice. */
    @ExceptionHandler({ConcurrencyException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> concurrentWrite(RuntimeException e) {
        return conflict("concurrent-write", "someone else changed or created the same record at the same time; reload and try again");
    }

    /** A record created with an id that is already taken. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> idTaken(AggregateStreamCreationException e) {
        return conflict("already-exists", "a record with this id already exists; choose another id or change the existing record");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return answer(ProblemDetails.notFound("no record with id " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return answer(ProblemDetails.forbidden("your role or agency may not do this"));
    }

    @ExceptionHandler(ConflictOfInterest.class)
    ResponseEntity<ProblemDetail> conflictOfInterest(ConflictOfInterest e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "conflict-of-interest",
                "Xung đột lợi ích / Conflict of interest", e.getMessage()));
    }

    @ExceptionHandler(FourEyes.class)
    ResponseEntity<ProblemDetail> fourEyes(FourEyes e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "four-eyes",
                "Cần người thứ hai / A second person must decide", e.getMessage()));
    }

    @ExceptionHandler(UnknownRecord.class)
    ResponseEntity<ProblemDetail> unknownRecord(UnknownRecord e) {
        return answer(ProblemDetails.notFound(e.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key đã dùng / Idempotency-Key reused", e.getMessage());
        problem.setProperty("errors", List.of(new FieldError(CommandDispatcher.IDEMPOTENCY_HEADER, e.getMessage())));
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    /** Distributed command buses (Axon Server) wrap the handler's exception; answer as if it had been thrown here. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> remote(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation v) {
            return ruleViolation(v);
        }
        if (cause instanceof StateConflict c) {
            return stateConflict(c);
        }
        if (cause instanceof AggregateNotFoundException n) {
            return notFound(n);
        }
        if (cause instanceof ConflictingAggregateVersionException v) {
            return staleVersion(v);
        }
        if (cause instanceof FourEyes f) {
            return fourEyes(f);
        }
        if (cause instanceof AccessDeniedException denied) {
            return forbidden(denied);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (ProblemDetails.databaseUnreachable(e)) {
            log.warn("The database cannot be reached: {}", e.getMessage());
            return ProblemDetails.unavailableNow();
        }
        log.error("Unexpected error", e);
        return answer(internal("the command was not applied; the error is logged"));
    }

    private static ResponseEntity<ProblemDetail> conflict(String type, String detail) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, type, "Xung đột / Conflict", detail));
    }

}

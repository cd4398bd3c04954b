package vn.tiendo.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.tiendo.query.admin.ProjectionRebuild;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import org.springframework.security.access.AccessDeniedException;
import vn.tiendo.platform.web.ProblemDetails;
import vn.tiendo.query.audit.TamperEvidence;

import java.util.Arrays;

import static vn.tiendo.platform.web.ProblemDetails.answer;
import static vn.tiendo.platform.web.ProblemDetails.problem;

/** Errors of the query API as RFC 7807 problem details; a bad parameter is 400 and named in {@code errors}. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A body field that fails its constraint (the administrators' forms): 400 naming each. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ProblemDetails.answer(ProblemDetails.invalid(e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ProblemDetails.FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))).toList()));
    }

    @ExceptionHandler(BadQuery.class)
    ResponseEntity<ProblemDetail> badQuery(BadQuery e) {
        return badRequest(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : e.getMostSpecificCause().getMessage();
        return badRequest(e.getName(), message);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return answer(ProblemDetails.notFound(e.getMessage()));
    }

    /** Verification where it cannot verify: 503 with the reason, never "intact" over nothing. */
    @ExceptionHandler(TamperEvidence.NotVerifiable.class)
    ResponseEntity<ProblemDetail> notVerifiable(TamperEvidence.NotVerifiable e) {
        return answer(problem(HttpStatus.SERVICE_UNAVAILABLE, "not-verifiable",
                "Không kiểm chứng được ở chế độ này / Cannot verify in this mode", e.getMessage()));
    }

    /** One verification at a time: the next waits a minute for the running one, then hears this. */
    @ExceptionHandler(TamperEvidence.VerificationRunning.class)
    ResponseEntity<ProblemDetail> verificationRunning(TamperEvidence.VerificationRunning e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "30").body(problem(HttpStatus.CONFLICT,
                "verification-running", "Đang kiểm chứng / A verification is running", e.getMessage()));
    }

    @ExceptionHandler(ProjectionRebuild.AlreadyRunning.class)
    ResponseEntity<ProblemDetail> rebuildRunning(ProjectionRebuild.AlreadyRunning e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "30").body(problem(HttpStatus.CONFLICT,
                "rebuild-running", "Đang dựng lại / A rebuild is running", "a rebuild is running: GET /api/admin/projections/rebuild"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return answer(ProblemDetails.forbidden("your role or agency may not see this"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (ProblemDetails.databaseUnreachable(e)) {
            log.warn("The database cannot be reached: {}", e.getMessage());
            return ProblemDetails.unavailableNow();
        }
        log.error("Unexpected error", e);
        return answer(ProblemDetails.internal("the error is logged"));
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String message) {
        return answer(ProblemDetails.invalid(field, message));
    }
}

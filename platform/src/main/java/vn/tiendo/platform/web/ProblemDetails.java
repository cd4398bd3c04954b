package vn.tiendo.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one builder of RFC 7807 answers, for both services' exception handlers and for the security filters that
 * answer before any controller runs. Types are {@code urn:tiendo:problem:<type>}; titles are Vietnamese / English;
 * bad input names each field in {@code errors}.
 */
public final class ProblemDetails {

    /** One bad field (or parameter, header, import column) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static final String INVALID_INPUT_TITLE = "Dữ liệu không hợp lệ / Invalid input";
    public static final String NOT_FOUND_TITLE = "Không tìm thấy / Not found";
    public static final String FORBIDDEN_TITLE = "Không có quyền / Forbidden";
    public static final String INTERNAL_TITLE = "Lỗi hệ thống / Internal error";

    /** Serializes as Spring MVC does: extra properties ({@code errors}) at the top level, no null members. */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private ProblemDetails() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:tiendo:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** 400 naming every bad field. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT_TITLE,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemDetail notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", NOT_FOUND_TITLE, detail);
    }

    public static ProblemDetail forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", FORBIDDEN_TITLE, detail);
    }

    public static ProblemDetail internal(String detail) {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", INTERNAL_TITLE, detail);
    }

    /** The database cannot be reached now: 503, to try again shortly; nothing was applied. */
    public static ProblemDetail unavailable(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Tạm thời không phục vụ được / Temporarily unavailable", detail);
    }

    /**
     * True when {@code error} (or anything that caused it) says the database could not be reached: no connection from
     * the pool in time, a refused or broken connection, the server shutting down (SQL states 08xxx, 57P0x), a pooled
     * connection closed because the server broke it.
     */
    public static boolean databaseUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // HikariCP closes a pooled connection once the server broke it, and then says only this, without a state
            if (t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** The answer for an unreachable database, with a hint to retry in a few seconds. */
    public static <T> ResponseEntity<T> unavailableNow() {
        @SuppressWarnings("unchecked")
        T body = (T) unavailable("the database cannot be reached just now; nothing was applied, try again in a few seconds");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(body);
    }

    /** The answer with the problem's own status. */
    public static <T> ResponseEntity<T> answer(ProblemDetail problem) {
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus()).body(body);
    }

    /** The problem document as JSON text, for writers below Spring MVC (the servlet container's own error answers). */
    public static String json(ProblemDetail problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (IOException e) {
            throw new IllegalStateException("a problem document is always serializable", e);
        }
    }

    /** The problem for a bare HTTP status that no handler described (an unknown path, a malformed one, a wrong method). */
    public static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus httpStatus = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        return switch (httpStatus) {
            case NOT_FOUND -> notFound("nothing is found at this path");
            case METHOD_NOT_ALLOWED -> problem(httpStatus, "method-not-allowed", "Phương thức không được hỗ trợ / Method not allowed",
                    "this path does not accept this HTTP method");
            case BAD_REQUEST -> problem(httpStatus, "malformed-request", "Yêu cầu không hợp lệ / Malformed request",
                    "the request's path or headers are malformed (encoded slashes, backslashes, NUL, '..', ';' or bad percent-encoding are refused)");
            case UNAUTHORIZED -> problem(httpStatus, "unauthenticated", "Chưa đăng nhập / Not signed in", "sign in first");
            case FORBIDDEN -> forbidden("your role or agency may not do this");
            case PAYLOAD_TOO_LARGE -> problem(httpStatus, "too-large", "Yêu cầu quá lớn / Request too large", "the request body is too large");
            default -> httpStatus.is4xxClientError()
                    ? problem(httpStatus, "client-error", httpStatus.getReasonPhrase(), "the request cannot be served")
                    : internal("the request could not be completed; nothing was applied");
        };
    }

    /** Written straight to the response, for filters; serialized by Jackson, so any detail text is escaped properly. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}

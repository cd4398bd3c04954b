package vn.tiendo.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The answer with the problem's own status. */
    public static <T> ResponseEntity<T> answer(ProblemDetail problem) {
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus()).body(body);
    }

    /** Written straight to the response, for filters; serialized by Jackson, so any detail text is escaped properly. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}

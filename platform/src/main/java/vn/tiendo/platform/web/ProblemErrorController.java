package vn.tiendo.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Replaces Spring Boot's error controller: what reaches {@code /error} (an unknown path, a path the security firewall
 * refuses, a wrong method) is answered as a problem document. A service with web pages extends it to answer browsers
 * with a page.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetails.forStatus(statusOf(request));
        // the path asked for, not "/error"; a path that is not even a valid URI is left out rather than echoed
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(new URI(path));
            } catch (URISyntaxException e) {
                problem.setInstance(URI.create("about:blank"));
            }
        }
        return ProblemDetails.answer(problem);
    }

    protected static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }
}

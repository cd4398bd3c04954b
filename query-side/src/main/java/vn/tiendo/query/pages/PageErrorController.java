package vn.tiendo.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import vn.tiendo.platform.web.ProblemErrorController;

import java.util.Map;

/** Errors no handler answered: a page for browsers, a problem document for everyone else (the API). */
@Controller
public class PageErrorController extends ProblemErrorController {

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorPage(HttpServletRequest request) {
        int status = statusOf(request);
        HttpStatus known = HttpStatus.resolve(status);
        int shown = status == 404 || status == 400 || status == 403 ? status : 500;
        return new ModelAndView("problem", Map.of("status", shown, "message", known == null ? "" : known.getReasonPhrase()),
                known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known);
    }
}

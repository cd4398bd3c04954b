package vn.tiendo.query.pages;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.tiendo.query.web.BadQuery;
import vn.tiendo.query.web.NotFound;

/** Errors on the pages as pages a person can act on, not as the API's problem documents. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
public class PageErrors {

    /** Unknown, or outside the person's agencies: the same answer, so nothing is learned of what exists. */
    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(NotFound e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    /** A wrong date in the as-of picker: the page says which and why. */
    @ExceptionHandler(BadQuery.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badQuery(BadQuery e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("message", e.getMessage());
        return "problem";
    }
}

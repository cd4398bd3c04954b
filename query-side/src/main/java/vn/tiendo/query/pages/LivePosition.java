package vn.tiendo.query.pages;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page carries the position its data was read at ({@code data-position}), so that its script reloads it for
 * any change after that, also one that lands between the page being drawn and its live connection being opened.
 */
@ControllerAdvice(basePackageClasses = LivePosition.class)
public class LivePosition {

    private final LiveUpdates live;

    public LivePosition(LiveUpdates live) {
        this.live = live;
    }

    /** -1 when it cannot be read (an error page while the database is away): the page then reloads at the first news. */
    @ModelAttribute("livePosition")
    public long livePosition() {
        try {
            return live.current();
        } catch (DataAccessException unreachable) {
            return -1;
        }
    }
}

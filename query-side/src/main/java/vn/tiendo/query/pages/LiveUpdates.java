package vn.tiendo.query.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Open pages learn that the record changed: a server-sent event stream that says the position of the latest event
 * the projections hold, checked once a second; the page's script reloads it when that moves (and no form is being
 * filled in). One check serves every open page.
 */
@Controller
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();

    private final JdbcTemplate jdbc;
    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
    private volatile long position = -1;

    public LiveUpdates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/app/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live() throws IOException {
        SseEmitter page = new SseEmitter(TIMEOUT);
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(() -> pages.remove(page));
        page.onError(e -> pages.remove(page));
        pages.add(page);
        page.send(SseEmitter.event().name("position").data(String.valueOf(current())));
        return page;
    }

    @Scheduled(fixedDelayString = "${tiendo.live.interval:PT1S}")
    void tell() {
        if (pages.isEmpty()) {
            return;
        }
        long now = current();
        if (now == position) {
            return;
        }
        position = now;
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().name("position").data(String.valueOf(now)));
            } catch (IOException | IllegalStateException e) {
                log.debug("a page went away: {}", e.getMessage());
                pages.remove(page);
            }
        }
    }

    /** The position of the latest event the projections hold: a page rendered now shows the record up to here. */
    public long current() {
        Long max = jdbc.queryForObject("select max(global_index) from projection.audit_log", Long.class);
        return max == null ? 0 : max;
    }
}

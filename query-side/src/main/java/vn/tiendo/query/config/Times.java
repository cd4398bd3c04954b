package vn.tiendo.query.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Projections store the events' recorded time (never "now"), so a replay rebuilds identical rows. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime utc(Instant recordedAt) {
        return recordedAt.atOffset(ZoneOffset.UTC);
    }
}

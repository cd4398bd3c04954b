package vn.tiendo.events.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.util.List;

/**
 * Every upcaster of the event contract, oldest change first. Both services register these, so that aggregates,
 * projections and the auditors' readers see every stored event in its current shape.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new GroupPathUpcaster(), new CollectiveShareUpcaster(), new LinkDatesUpcaster());
    }
}

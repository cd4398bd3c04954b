package vn.tiendo.events.upcasting;

import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorUnlinked;

import java.util.Set;

/**
 * Revision 1 of {@link IndicatorLinked} and {@link IndicatorUnlinked} was written before links had a date: read it as
 * revision 2 with no {@code effectiveFrom} (the link, or its end, for every period).
 */
public class LinkDatesUpcaster extends FieldAddedUpcaster {

    public LinkDatesUpcaster() {
        super(Set.of(IndicatorLinked.class, IndicatorUnlinked.class), "1", "2", "effectiveFrom", payload -> payload.putNull("effectiveFrom"));
    }
}

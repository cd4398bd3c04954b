package vn.tiendo.events.upcasting;

import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.task.TaskAssigned;

import java.util.Set;

/**
 * Revision 1 of {@link IndicatorDefined} and {@link TaskAssigned} was written before plans' headings were kept:
 * read it as revision 2 with an empty {@code groupPath}.
 */
public class GroupPathUpcaster extends FieldAddedUpcaster {

    public GroupPathUpcaster() {
        super(Set.of(IndicatorDefined.class, TaskAssigned.class), "1", "2", "groupPath", payload -> payload.putArray("groupPath"));
    }
}

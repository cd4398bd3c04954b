package vn.tiendo.command.common;

import org.axonframework.modelling.command.AggregateLifecycle;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/**
 * What every command handler on an existing aggregate answers: the aggregate's new version, how many changes the
 * command made (an import's sync may make none or several), and the proposal's id when a correction became a
 * proposal that waits for someone else. Creating handlers are constructors and answer with the new id (Axon's rule).
 */
public record Handled(long version, int changes, String proposalId, List<FieldChange> preview) {

    /** One change applied. */
    public static Handled applied() {
        return new Handled(AggregateLifecycle.getVersion(), 1, null, null);
    }

    /** {@code changes} changes applied, possibly none. */
    public static Handled applied(int changes) {
        return new Handled(AggregateLifecycle.getVersion(), changes, null, null);
    }

    /** The change waits as proposal {@code proposalId}. */
    public static Handled proposed(String proposalId) {
        return new Handled(AggregateLifecycle.getVersion(), 1, proposalId, null);
    }

    /**
     * Applies {@code events}, or, in a preview, applies nothing and answers the field changes they would make: an
     * import's dry run shows each existing record's differences from the file as the record itself judges them.
     */
    public static Handled applyUnlessPreview(List<? extends RecordEvent> events, boolean preview) {
        if (preview) {
            return new Handled(AggregateLifecycle.getVersion(), events.size(), null,
                    events.stream().flatMap(e -> e.changes().stream()).toList());
        }
        events.forEach(AggregateLifecycle::apply);
        return applied(events.size());
    }
}

package vn.tiendo.command.common;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What every command handler on an existing aggregate answers: the aggregate's new version, how many changes the
 * command made (an import's sync may make none or several), and the proposal's id when a correction became a
 * proposal that waits for someone else. Creating handlers are constructors and answer with the new id (Axon's rule).
 */
public record Handled(long version, int changes, String proposalId) {

    /** One change applied. */
    public static Handled applied() {
        return new Handled(AggregateLifecycle.getVersion(), 1, null);
    }

    /** {@code changes} changes applied, possibly none. */
    public static Handled applied(int changes) {
        return new Handled(AggregateLifecycle.getVersion(), changes, null);
    }

    /** The change waits as proposal {@code proposalId}. */
    public static Handled proposed(String proposalId) {
        return new Handled(AggregateLifecycle.getVersion(), 1, proposalId);
    }
}

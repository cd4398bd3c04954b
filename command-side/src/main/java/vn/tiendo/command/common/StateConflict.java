package vn.tiendo.command.common;

/** A command does not fit the aggregate's current state (e.g. progress on a completed task); answered with 409. */
public class StateConflict extends RuntimeException {

    public StateConflict(String message) {
        super(message);
    }
}

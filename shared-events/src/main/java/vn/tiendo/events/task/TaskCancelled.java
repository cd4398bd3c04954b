package vn.tiendo.events.task;


import org.axonframework.serialization.Revision;

/** A task was cancelled; it takes no more progress. */
@Revision("1")
public record TaskCancelled(String taskId, String reason) {
}

package vn.tiendo.command.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted command: the aggregate it concerns, its version afterwards (send it back as
 * {@code expectedVersion}) and, for progress reports, the report's id (needed to correct it later); for a correction
 * of an approved report, the id of the proposal that awaits the coordinator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAccepted(String id, long version, String reportId, String proposalId) {

    public CommandAccepted(String id, long version, String reportId) {
        this(id, version, reportId, null);
    }
}

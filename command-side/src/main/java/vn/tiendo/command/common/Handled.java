package vn.tiendo.command.common;

/** What a command handler answers when there is more to say than the new version: a correction became a proposal. */
public record Handled(long version, String proposalId) {
}

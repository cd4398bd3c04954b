package vn.tiendo.events.common;

/**
 * Who was told, how and where: {@code recipient} names a role at an agency ({@code officers:so-khcn},
 * {@code head:so-khcn}, {@code coordinator:so-khcn}); {@code channel} is {@code EMAIL} when an address is configured
 * for it ({@code address}), else {@code LOG} (written to the service's log, for a deployment without mail).
 */
public record Notice(String recipient, String channel, String address) {
}

package vn.tiendo.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.tiendo.events.common.TextRules;

/** A decision that needs only its reason: rejecting a proposed correction, cancelling a task. */
public record ReasonRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_NOTE) String reason) {
}

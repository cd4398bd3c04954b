package vn.tiendo.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.tiendo.events.common.TextRules;

import java.time.LocalDate;

/** Give an indicator or task to another lead agency from a date, with a reason. */
public record ReassignRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_ID) String toAgencyId,
                              @NotBlank @Size(max = TextRules.MAX_NOTE) String reason,
                              @NotNull LocalDate effectiveDate) {
}

package vn.tiendo.command.web;

import jakarta.validation.constraints.NotNull;

/** Approving or accepting names the version the person reviewed, so that nothing changed since is approved unseen. */
public record VersionOnly(@NotNull(message = "give the version you reviewed") Long expectedVersion) {
}

package vn.tiendo.events.common;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A document behind a reported value (tài liệu kiểm chứng): its number, date, issuer, title, where it is kept
 * and the SHA-256 of the file, so that the document can later be shown to be the one reported.
 */
public record EvidenceRef(@Size(max = TextRules.MAX_LABEL) String documentNumber, LocalDate issuedOn,
                          @Size(max = TextRules.MAX_LABEL) String issuer,
                          @Size(max = TextRules.MAX_LABEL) String title,
                          @Size(max = 2_000) String uri,
                          @Size(max = 64) String sha256) {
}

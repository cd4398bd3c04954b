package vn.tiendo.events.common;

import java.time.LocalDate;

/**
 * A document behind a reported value (tài liệu kiểm chứng): its number, date, issuer, title, where it is kept
 * and the SHA-256 of the file, so that the document can later be shown to be the one reported.
 */
public record EvidenceRef(String documentNumber, LocalDate issuedOn, String issuer, String title, String uri, String sha256) {
}

package vn.tiendo.query.pages;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.tiendo.events.common.EvidenceRef;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Evidence files uploaded with a report, stored once by their SHA-256 and served back as downloads. */
@Component
public class EvidenceFiles {

    public record Stored(String sha256, String fileName, String contentType, long size, byte[] content) {
    }

    private final JdbcTemplate jdbc;

    public EvidenceFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the file (once per content) and answers its SHA-256. */
    public String store(String fileName, String contentType, byte[] content, String uploadedBy) {
        String sha256 = sha256(content);
        jdbc.update("insert into audit.evidence_file (sha256, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing", sha256, fileName,
                contentType == null ? "application/octet-stream" : contentType, content.length, content, uploadedBy,
                Instant.now().atOffset(ZoneOffset.UTC));
        return sha256;
    }

    /**
     * The evidence a form brings: its file kept by its SHA-256 (the reference names the file, its hash and where it
     * downloads), or only a document number; nothing when the form has neither.
     */
    public List<EvidenceRef> fromForm(String documentNumber, MultipartFile file, String uploadedBy) throws IOException {
        String document = documentNumber == null || documentNumber.isBlank() ? null : documentNumber.trim();
        if (file != null && !file.isEmpty()) {
            String fileName = file.getOriginalFilename() == null ? "minh-chung" : file.getOriginalFilename();
            String sha256 = store(fileName, file.getContentType(), file.getBytes(), uploadedBy);
            return List.of(new EvidenceRef(document, null, null, fileName, "/app/evidence/" + sha256, sha256));
        }
        return document == null ? List.of() : List.of(new EvidenceRef(document, null, null, null, null, null));
    }

    public Optional<Stored> find(String sha256) {
        return jdbc.query("select sha256, file_name, content_type, size_bytes, content from audit.evidence_file where sha256 = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBytes(5)), sha256)
                .stream().findFirst();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

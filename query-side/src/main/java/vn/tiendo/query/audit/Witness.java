package vn.tiendo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The copy of every checkpoint kept outside the database ({@code tiendo.audit.witness-file},
 * TIENDO_AUDIT_WITNESS_FILE): an append-only file of JSON lines on another volume, each line a signed checkpoint
 * with the hash of every event it adds to the one before. Someone who rewrites PostgreSQL cannot rewrite this file
 * as well (keep it where the database's administrators cannot write, or ship it on: a log collector, a WORM bucket);
 * verification reads it back and names the first event whose stored hash no longer matches its copy here.
 */
@Component
public class Witness {

    /** One event as a checkpoint saw it. */
    public record Seen(long globalIndex, String eventIdentifier, String hash) {
    }

    /** One line of the file. */
    public record Entry(long checkpointId, long upToGlobalIndex, long eventCount, String merkleRoot, String previousRoot,
                        String createdAt, String eventsDigest, String keyId, String signature, List<Seen> events) {
    }

    private final Path file;
    private final ObjectMapper json;

    public Witness(@Value("${tiendo.audit.witness-file:}") String file, ObjectMapper json) {
        this.file = file == null || file.isBlank() ? null : Path.of(file);
        this.json = json;
    }

    public boolean kept() {
        return file != null;
    }

    public String location() {
        return file == null ? null : file.toAbsolutePath().toString();
    }

    /** Appends a line and forces it to disk before the checkpoint is reported made. */
    public synchronized void append(Entry entry) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the witness file " + file + " cannot be written", e);
        }
    }

    /** Every line, oldest first; none when the file does not exist yet. */
    public List<Entry> read() {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(json.readValue(line, Entry.class));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("the witness file " + file + " cannot be read", e);
        }
    }

    public Optional<Entry> last() {
        List<Entry> entries = read();
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }
}

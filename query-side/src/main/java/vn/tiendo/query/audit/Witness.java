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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /** One line and the byte offset just after it, where reading can go on next time. */
    public record Line(Entry entry, long endOffset) {
    }

    /** Every line, oldest first; none when the file does not exist yet. */
    public List<Entry> read() {
        return readFrom(0).stream().map(Line::entry).toList();
    }

    /** The file's first bytes: their SHA-256, and how many lines (checkpoints) they hold. */
    public record Prefix(String digest, long lines) {
    }

    /** SHA-256 of the file's first {@code length} bytes; see {@link #prefix}. */
    public String prefixDigest(long length) {
        Prefix prefix = prefix(length);
        return prefix == null ? null : prefix.digest();
    }

    /**
     * The file's first {@code length} bytes, or null when it is shorter: a file read before has changed before where
     * it was read when the digest is not the one taken then.
     */
    public Prefix prefix(long length) {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        try (var in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long left = length;
            long lines = 0;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    return null;
                }
                sha.update(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
                left -= read;
            }
            return new Prefix(HexFormat.of().formatHex(sha.digest()), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("the witness file " + file + " cannot be read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines that begin at or after byte {@code offset} (the end of a line read before), oldest first. */
    public List<Line> readFrom(long offset) {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset > size) {
                throw new IllegalStateException("the witness file " + file + " is shorter than when it was last read: it was cut");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
            channel.read(buffer, offset);
            byte[] bytes = buffer.array();
            List<Line> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    if (!line.isBlank()) {
                        lines.add(new Line(json.readValue(line, Entry.class), offset + i + 1));
                    }
                    start = i + 1;
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("the witness file " + file + " cannot be read", e);
        }
    }

    /** The last line only, read from the end of the file (the file grows with the store; its last line does not). */
    public Optional<Entry> last() {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = channel.size();
            // the file ends with a line break; the last line starts after the one before it
            while (end > 0 && byteAt(channel, end - 1) == '\n') {
                end--;
            }
            if (end == 0) {
                return Optional.empty();
            }
            long start = end;
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            search:
            while (start > 0) {
                long from = Math.max(0, start - chunk.capacity());
                chunk.clear().limit((int) (start - from));
                channel.read(chunk, from);
                for (int i = (int) (start - from) - 1; i >= 0; i--) {
                    if (chunk.get(i) == '\n') {
                        start = from + i + 1;
                        break search;
                    }
                }
                start = from;
            }
            ByteBuffer line = ByteBuffer.allocate((int) (end - start));
            channel.read(line, start);
            return Optional.of(json.readValue(new String(line.array(), StandardCharsets.UTF_8), Entry.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the witness file " + file + " cannot be read", e);
        }
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }
}

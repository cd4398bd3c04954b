package vn.tiendo.shared;

import vn.tiendo.events.common.MetadataKeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper evidence of the event store. Each event's hash is SHA-256 over its identity (event id, aggregate,
 * sequence number, type, revision, recorded time), the SHA-256 of its payload bytes as stored, its metadata in
 * canonical form (keys sorted, the hash itself left out, the previous hash included) and so the previous event's
 * hash in the same stream: editing, deleting or reordering an event breaks the chain from that event on.
 * Checkpoints are Merkle roots over all event hashes in global order, to be published outside the platform.
 * The command side computes the hashes as it appends events; the query side recomputes them to verify.
 */
public final class EventHash {

    /** The "previous hash" of the first event of every stream. */
    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "tiendo-event-hash-v1";

    private EventHash() {
    }

    public static String compute(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String payloadType,
                                 String payloadRevision, String recordedAt, byte[] payload, Map<String, ?> metaData) {
        StringBuilder text = new StringBuilder(VERSION).append('\n')
                .append(eventIdentifier).append('\n')
                .append(aggregateIdentifier).append('\n')
                .append(sequenceNumber).append('\n')
                .append(payloadType).append('\n')
                .append(payloadRevision == null ? "" : payloadRevision).append('\n')
                .append(recordedAt).append('\n')
                .append(hex(sha256(payload))).append('\n');
        new TreeMap<>(metaData).forEach((key, value) -> {
            if (!MetadataKeys.HASH.equals(key)) {
                text.append(key).append('=').append(value).append('\n');
            }
        });
        return hex(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Merkle root over event hashes in order: leaves SHA-256(0x00 ‖ hash), nodes SHA-256(0x01 ‖ left ‖ right). */
    public static String merkleRoot(List<String> hashes) {
        if (hashes.isEmpty()) {
            return hex(sha256(new byte[0]));
        }
        List<byte[]> level = new ArrayList<>(hashes.size());
        for (String h : hashes) {
            level.add(sha256(concat(new byte[]{0}, HexFormat.of().parseHex(h))));
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? sha256(concat(new byte[]{1}, concat(level.get(i), level.get(i + 1)))) : level.get(i));
            }
            level = next;
        }
        return hex(level.get(0));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

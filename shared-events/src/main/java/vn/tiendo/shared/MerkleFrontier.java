package vn.tiendo.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle root of {@link EventHash#merkleRoot} kept up to date as hashes are appended, in logarithmic space: the
 * roots of the perfect subtrees the leaves so far make up (one per set bit of the count, like a binary counter).
 * Verification extends it from the last verified point instead of rebuilding a tree over every event, and stores it
 * (as {@link #nodes()}) to go on from there next time.
 */
public final class MerkleFrontier {

    private static final HexFormat HEX = HexFormat.of();

    /** {@code nodes.get(h)}: the root of a perfect subtree of 2^h leaves, or null. */
    private final List<byte[]> nodes;
    private long size;

    public MerkleFrontier() {
        this(0, List.of());
    }

    private MerkleFrontier(long size, List<byte[]> nodes) {
        this.size = size;
        this.nodes = new ArrayList<>(nodes);
    }

    /** As stored: the count and each level's node in hex, or null. */
    public static MerkleFrontier of(long size, List<String> nodes) {
        List<byte[]> decoded = new ArrayList<>();
        nodes.forEach(n -> decoded.add(n == null ? null : HEX.parseHex(n)));
        MerkleFrontier frontier = new MerkleFrontier(size, decoded);
        long expected = 0;
        for (int h = 0; h < decoded.size(); h++) {
            expected += decoded.get(h) == null ? 0 : 1L << h;
        }
        if (expected != size) {
            throw new IllegalArgumentException("a frontier of " + size + " leaves cannot have these nodes");
        }
        return frontier;
    }

    public void add(String hashHex) {
        byte[] node = EventHash.sha256(concat(new byte[]{0}, HEX.parseHex(hashHex)));
        int h = 0;
        while (h < nodes.size() && nodes.get(h) != null) {
            node = EventHash.sha256(concat(new byte[]{1}, concat(nodes.get(h), node)));
            nodes.set(h, null);
            h++;
        }
        if (h == nodes.size()) {
            nodes.add(node);
        } else {
            nodes.set(h, node);
        }
        size++;
    }

    /** The same root {@link EventHash#merkleRoot} gives for the hashes added so far. */
    public String root() {
        if (size == 0) {
            return HEX.formatHex(EventHash.sha256(new byte[0]));
        }
        byte[] root = null;
        for (byte[] node : nodes) {
            if (node != null) {
                root = root == null ? node : EventHash.sha256(concat(new byte[]{1}, concat(node, root)));
            }
        }
        return HEX.formatHex(root);
    }

    public long size() {
        return size;
    }

    public List<String> nodes() {
        List<String> hex = new ArrayList<>();
        nodes.forEach(n -> hex.add(n == null ? null : HEX.formatHex(n)));
        return hex;
    }

    public MerkleFrontier copy() {
        return new MerkleFrontier(size, nodes.stream().map(n -> n == null ? null : Arrays.copyOf(n, n.length)).toList());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

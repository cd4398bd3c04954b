package vn.tiendo.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleFrontierTest {

    @Test
    void extendingTheFrontierGivesTheRootOfTheWholeTreeAtEveryLength() {
        List<String> hashes = new ArrayList<>();
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(frontier.root()).isEqualTo(EventHash.merkleRoot(hashes));
        for (int i = 0; i < 300; i++) {
            String hash = HexFormat.of().formatHex(EventHash.sha256(("event " + i).getBytes()));
            hashes.add(hash);
            frontier.add(hash);
            assertThat(frontier.root()).as("%d leaves", i + 1).isEqualTo(EventHash.merkleRoot(hashes));
        }
    }

    @Test
    void aStoredFrontierGoesOnWhereItStopped() {
        MerkleFrontier whole = new MerkleFrontier();
        MerkleFrontier first = new MerkleFrontier();
        for (int i = 0; i < 77; i++) {
            String hash = HexFormat.of().formatHex(EventHash.sha256(("event " + i).getBytes()));
            whole.add(hash);
            first.add(hash);
        }
        MerkleFrontier resumed = MerkleFrontier.of(first.size(), first.nodes());
        for (int i = 77; i < 130; i++) {
            String hash = HexFormat.of().formatHex(EventHash.sha256(("event " + i).getBytes()));
            whole.add(hash);
            resumed.add(hash);
        }
        assertThat(resumed.root()).isEqualTo(whole.root());
        assertThatThrownBy(() -> MerkleFrontier.of(first.size() + 1, first.nodes())).isInstanceOf(IllegalArgumentException.class);
    }
}

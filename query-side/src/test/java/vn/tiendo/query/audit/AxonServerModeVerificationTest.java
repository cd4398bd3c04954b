package vn.tiendo.query.audit;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In the axonserver profile the PostgreSQL event table is empty: verification must refuse rather than find nothing
 * broken and answer "intact". (It refuses before reading anything, so no store is needed here.)
 */
class AxonServerModeVerificationTest {

    private final TamperEvidence inAxonServerMode = new TamperEvidence(null, null, Clock.systemUTC(), null, null, true, null, null);

    @Test
    void verificationAndCheckpointsAreRefusedWhereTheEventsCannotBeRead() {
        assertThatThrownBy(() -> inAxonServerMode.verify(null, null, null, false))
                .isInstanceOf(TamperEvidence.NotVerifiable.class).hasMessageContaining("Axon Server");
        assertThatThrownBy(inAxonServerMode::checkpoint).isInstanceOf(TamperEvidence.NotVerifiable.class);
    }
}

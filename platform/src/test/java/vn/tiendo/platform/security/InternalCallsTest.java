package vn.tiendo.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statement the web pages send for their user: believed only with the shared key, unaltered and within its minute. */
class InternalCallsTest {

    private static final String KEY = "a-key-of-at-least-thirty-two-characters";
    private static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    private static final PlatformUser OFFICER = new PlatformUser("can-bo.so-khcn", "so-khcn", Set.of(Role.OFFICER));

    private final InternalCalls calls = new InternalCalls(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedStatementNamesItsUserAgencyAndRoles() {
        assertThat(calls.verify(calls.sign(OFFICER))).contains(OFFICER);
        PlatformUser noAgency = new PlatformUser("quan-tri|x", null, Set.of(Role.ADMIN, Role.AUDITOR));
        assertThat(calls.verify(calls.sign(noAgency))).contains(noAgency);
    }

    @Test
    void anAlteredExpiredOrForeignStatementIsNotBelieved() {
        String signed = calls.sign(OFFICER);
        String[] parts = signed.split("\\.");
        // the same signature over a payload that claims the coordinator's role
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[0])).replace("OFFICER", "COORDINATOR").getBytes()) + "." + parts[1];
        assertThat(calls.verify(forged)).isEmpty();
        assertThat(new InternalCalls(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC)).verify(signed)).isEmpty();
        assertThat(new InternalCalls(KEY + "-other", Clock.fixed(NOW, ZoneOffset.UTC)).verify(signed)).isEmpty();
        assertThat(calls.verify("not a statement")).isEmpty();
        assertThat(calls.verify("e30.%%%")).isEmpty();
        assertThatThrownBy(() -> new InternalCalls("short", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}

package vn.tiendo.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.ZoneId;

/** The sign-in throttle on its own, with a password check that always says no. */
class LoginThrottleTest {

    private static final String PROXY = "10.0.0.5";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), clock, List.of(PROXY + "/32", "fd00::/8"));

    @Test
    void parallelAttemptsGetNoMoreTriesThanASequence() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch slowCheck = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> attempt("dieu-phoi", "203.0.113.7", null, (req, res) -> {
                    checked.incrementAndGet();
                    slowCheck.await(5, TimeUnit.SECONDS); // bcrypt takes its time
                    res.setStatus(401);
                })));
            }
            Thread.sleep(300);
            slowCheck.countDown();
            int refused = 0;
            for (Future<Integer> answer : answers) {
                refused += answer.get(10, TimeUnit.SECONDS) == 429 ? 1 : 0;
            }
            assertThat(checked.get()).as("password checks run").isEqualTo(5);
            assertThat(refused).isEqualTo(15);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A user (or an office behind one address) who signed in sends many requests at once: they are not guesses, and
     * none is held up. (Before, every request in flight counted against the budget, so the sixth parallel request of a
     * signed-in user got 429.)
     */
    @Test
    void theParallelRequestsOfASignedInUserAreNotThrottled() throws Exception {
        assertThat(attempt("dieu-phoi", "203.0.113.7", null, (req, res) -> {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("dieu-phoi", null, List.of()));
            try {
                throttle.afterSignIn().doFilter(req, res, (a, b) -> {
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        })).isEqualTo(200);
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch slowCheck = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> attempt("dieu-phoi", "203.0.113.7", null, (req, res) -> {
                    checked.incrementAndGet();
                    slowCheck.await(5, TimeUnit.SECONDS);
                })));
            }
            Thread.sleep(300);
            slowCheck.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(checked.get()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        // the same user with another password is a guess again, counted as before
        assertThat(attempt("dieu-phoi", "203.0.113.7", null, "other", (req, res) -> res.setStatus(401))).isEqualTo(401);
    }

    @Test
    void theWaitGrowsAfterEachFailureAndThenPasses() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(wrongPassword("dieu-phoi", "203.0.113.7")).isEqualTo(401);
        }
        MockHttpServletResponse waiting = new MockHttpServletResponse();
        run("dieu-phoi", "203.0.113.7", null, waiting, (req, res) -> res.setStatus(401));
        assertThat(waiting.getStatus()).isEqualTo(429);
        assertThat(waiting.getHeader("Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofMillis(1100));
        assertThat(wrongPassword("dieu-phoi", "203.0.113.7")).isEqualTo(401); // the sixth try, after one second
        clock.advance(Duration.ofMillis(1100));
        assertThat(wrongPassword("dieu-phoi", "203.0.113.7")).isEqualTo(429); // now two seconds
        clock.advance(Duration.ofSeconds(1));
        assertThat(wrongPassword("dieu-phoi", "203.0.113.7")).isEqualTo(401);
        // never more than the maximum, however many failures
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMinutes(5));
            wrongPassword("dieu-phoi", "203.0.113.7");
        }
        assertThat(throttle.delay(1000, 5)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void wrongPasswordsFromOneClientBehindTheProxyDoNotShutOutAnother() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(attempt("dieu-phoi", PROXY, "198.51.100.20", (req, res) -> res.setStatus(401))).isEqualTo(401);
        }
        assertThat(attempt("dieu-phoi", PROXY, "198.51.100.20", (req, res) -> res.setStatus(401))).isEqualTo(429);
        // the user, signing in from elsewhere behind the same proxy, still gets through
        assertThat(attempt("dieu-phoi", PROXY, "198.51.100.99", (req, res) -> res.setStatus(200))).isEqualTo(200);
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        MockHttpServletRequest direct = request("dieu-phoi", "203.0.113.7", "198.51.100.20");
        assertThat(throttle.clientAddress(direct)).isEqualTo("203.0.113.7");
        MockHttpServletRequest viaProxy = request("dieu-phoi", PROXY, "203.0.113.9, 198.51.100.20");
        assertThat(throttle.clientAddress(viaProxy)).isEqualTo("198.51.100.20");
        MockHttpServletRequest chained = request("dieu-phoi", PROXY, "198.51.100.20, " + PROXY);
        assertThat(throttle.clientAddress(chained)).isEqualTo("198.51.100.20");
        MockHttpServletRequest forged = request("dieu-phoi", PROXY, "evil.example");
        assertThat(throttle.clientAddress(forged)).isEqualTo(PROXY);
    }

    @Test
    void aUserCannotBeShutOutForEverFromManyAddresses() throws Exception {
        // twenty failures from twenty addresses use up the user's own budget: then the user waits, briefly
        for (int i = 0; i < 20; i++) {
            assertThat(wrongPassword("dieu-phoi", "203.0.113." + i)).isEqualTo(401);
        }
        assertThat(wrongPassword("dieu-phoi", "203.0.113.200")).isEqualTo(429);
        clock.advance(Duration.ofSeconds(2));
        assertThat(attempt("dieu-phoi", "192.0.2.1", null, (req, res) -> res.setStatus(200))).isEqualTo(200);
    }

    @Test
    void theTableOfCountsIsBounded() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES; i++) {
            wrongPassword("user-" + i, "203.0.113.7");
            clock.advance(Duration.ofSeconds(2)); // the address's own budget would otherwise stop the loop
        }
        assertThat(throttle.entries()).isLessThanOrEqualTo(LoginThrottle.MAX_ENTRIES);
    }

    private int wrongPassword(String user, String address) throws Exception {
        return attempt(user, address, null, (req, res) -> res.setStatus(401));
    }

    private int attempt(String user, String remote, String forwardedFor, MockFilterChainBody body) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        run(user, remote, forwardedFor, response, body);
        return response.getStatus();
    }

    private int attempt(String user, String remote, String forwardedFor, String password, MockFilterChainBody body) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockHttpServletRequest request = request(user, remote, forwardedFor);
        request.removeHeader("Authorization");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        throttle.doFilter(request, response, (req, res) -> {
            try {
                body.run(req, (jakarta.servlet.http.HttpServletResponse) res);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return response.getStatus();
    }

    private void run(String user, String remote, String forwardedFor, MockHttpServletResponse response, MockFilterChainBody body)
            throws Exception {
        MockHttpServletRequest request = request(user, remote, forwardedFor);
        throttle.doFilter(request, response, (req, res) -> {
            try {
                body.run(req, (jakarta.servlet.http.HttpServletResponse) res);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static MockHttpServletRequest request(String user, String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/plans");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    @FunctionalInterface
    interface MockFilterChainBody {
        void run(jakarta.servlet.ServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws Exception;
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        synchronized void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

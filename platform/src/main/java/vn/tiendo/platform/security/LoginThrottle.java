package vn.tiendo.platform.security;

import vn.tiendo.platform.web.ProblemDetails;
import org.springframework.http.HttpStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slows down password guessing with three budgets of failed sign-ins: one user from one address ({@code maxFailures}),
 * one user from anywhere (four times as many) and one address for any user (ten times as many). Past a budget each
 * further attempt waits: one second, then twice as long after every failure, at most {@code maxDelay}; meanwhile the
 * answer is 429 with {@code Retry-After}. A wait, not a lock-out: a guessable user name cannot be shut out for long
 * by someone else's wrong passwords, and a success from the user's own address clears the user's counts.
 * <p>
 * An attempt is counted from the moment it is let through until the password check has answered, so a burst of
 * parallel requests gets no more tries than a sequence would. The client's address is the connection's, or, when
 * the connection comes from a configured trusted proxy, the last address in {@code X-Forwarded-For} that is not a
 * trusted proxy. Counts live in a bounded table and are forgotten some time after the last failure. Passwords are
 * never read or logged here, only the user name.
 * <p>
 * Credentials that just signed in are not guesses: an HTTP Basic header that succeeded is remembered for ten minutes
 * (as a keyed hash, the key made at start and never stored) and its requests pass without counting, so a user's or an
 * office's parallel requests are never taken for a burst of guesses. A remembered header that is refused is forgotten.
 */
public class LoginThrottle extends OncePerRequestFilter {

    static final int MAX_ENTRIES = 100_000;
    private static final String RESERVATION = LoginThrottle.class.getName() + ".reservation";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration REMEMBER_SIGNED_IN = Duration.ofMinutes(10);

    private static final class Counter {
        int failures;
        int inFlight;
        Instant lastFailure = Instant.EPOCH;
    }

    private record Key(String name, int freeFailures) {
    }

    private final int maxFailures;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Clock clock;
    /** The sign-in form's path (web pages), whose POSTs are counted by their {@code username}; null for HTTP Basic only. */
    private final String formLoginPath;
    private final List<IpAddressMatcher> trustedProxies = new ArrayList<>();
    private final Map<String, Counter> counters = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    /** Keyed hashes of Basic headers that signed in, until when they are believed (guarded by {@code counters}). */
    private final Map<String, Instant> signedIn = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final SecretKeySpec credentialKey = new SecretKeySpec(randomKey(), "HmacSHA256");

    public LoginThrottle(int maxFailures, Duration maxDelay, Clock clock, List<String> trustedProxies) {
        this(maxFailures, maxDelay, clock, trustedProxies, null);
    }

    /** Also counts the sign-in form posted to {@code formLoginPath}; a refused form goes back to it with {@code ?throttled=<seconds>}. */
    public LoginThrottle(int maxFailures, Duration maxDelay, Clock clock, List<String> trustedProxies, String formLoginPath) {
        this.formLoginPath = formLoginPath;
        this.maxFailures = maxFailures;
        this.maxDelay = maxDelay;
        this.forgetAfter = maxDelay.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0 ? maxDelay.multipliedBy(2) : Duration.ofMinutes(15);
        this.clock = clock;
        trustedProxies.forEach(p -> this.trustedProxies.add(new IpAddressMatcher(p.trim())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = formLoginPath != null && "POST".equals(request.getMethod()) && formLoginPath.equals(request.getServletPath());
        String user = form ? request.getParameter("username") : basicUser(request.getHeader("Authorization"));
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String credential = form ? null : credentialDigest(request.getHeader("Authorization"));
        if (credential != null && signedInRecently(credential)) {
            try {
                chain.doFilter(request, response);
            } finally {
                if (response.getStatus() == 401) {
                    forget(credential);
                }
            }
            return;
        }
        String address = clientAddress(request);
        List<Key> keys = List.of(new Key("user+address|" + user + "|" + address, maxFailures),
                new Key("user|" + user, maxFailures * 4), new Key("address|" + address, maxFailures * 10));
        Duration wait = reserve(keys);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", String.valueOf(seconds));
            if (form) {
                response.sendRedirect(request.getContextPath() + formLoginPath + "?throttled=" + seconds);
                return;
            }
            ProblemDetails.write(response, ProblemDetails.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-logins",
                    "Đăng nhập sai quá nhiều lần / Too many failed sign-ins", "try again in " + seconds + " seconds"));
            return;
        }
        Reservation reservation = new Reservation(keys, credential);
        request.setAttribute(RESERVATION, reservation);
        try {
            chain.doFilter(request, response);
        } finally {
            // signed in (released earlier by the AfterSignIn filter), refused with 401, or failed otherwise; the form
            // answers both with a redirect, so there the outcome is whether someone is signed in now
            reservation.settle(form ? (signedIn() ? Outcome.SIGNED_IN : Outcome.FAILED)
                    : response.getStatus() == 401 ? Outcome.FAILED : Outcome.NOT_A_FAILURE);
        }
    }

    private static boolean signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** Placed after the password check: a request that got this far was signed in, so its attempt is settled. */
    public Settle afterSignIn() {
        return new Settle();
    }

    /** See {@link #afterSignIn()}. */
    public final class Settle extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(RESERVATION) instanceof Reservation reservation) {
                var auth = SecurityContextHolder.getContext().getAuthentication();
                reservation.settle(auth != null && auth.isAuthenticated() ? Outcome.SIGNED_IN : Outcome.NOT_A_FAILURE);
            }
            chain.doFilter(request, response);
        }
    }

    private enum Outcome { SIGNED_IN, FAILED, NOT_A_FAILURE }

    private final class Reservation {
        private final List<Key> keys;
        private final String credential;
        private boolean settled;

        Reservation(List<Key> keys, String credential) {
            this.keys = keys;
            this.credential = credential;
        }

        void settle(Outcome outcome) {
            synchronized (counters) {
                if (settled) {
                    return;
                }
                settled = true;
                Instant now = clock.instant();
                if (outcome == Outcome.SIGNED_IN && credential != null) {
                    signedIn.put(credential, now.plus(REMEMBER_SIGNED_IN));
                }
                for (Key key : keys) {
                    Counter counter = counters.computeIfAbsent(key.name(), k -> new Counter());
                    counter.inFlight = Math.max(0, counter.inFlight - 1);
                    if (outcome == Outcome.FAILED) {
                        counter.failures++;
                        counter.lastFailure = now;
                    } else if (outcome == Outcome.SIGNED_IN && !key.name().startsWith("address|")) {
                        counter.failures = 0;
                    }
                    if (counter.failures == 0 && counter.inFlight == 0) {
                        counters.remove(key.name());
                    }
                }
            }
        }
    }

    private boolean signedInRecently(String credential) {
        synchronized (counters) {
            Instant until = signedIn.get(credential);
            return until != null && until.isAfter(clock.instant());
        }
    }

    private void forget(String credential) {
        synchronized (counters) {
            signedIn.remove(credential);
        }
    }

    private String credentialDigest(String authorization) {
        if (authorization == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(credentialKey);
            return HexFormat.of().formatHex(mac.doFinal(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Zero when the attempt may go ahead (and is then counted as in flight), else how long to wait. */
    private Duration reserve(List<Key> keys) {
        synchronized (counters) {
            Instant now = clock.instant();
            Duration wait = Duration.ZERO;
            for (Key key : keys) {
                Counter counter = counters.get(key.name());
                if (counter == null) {
                    continue;
                }
                if (counter.inFlight == 0 && counter.lastFailure.plus(forgetAfter).isBefore(now)) {
                    counters.remove(key.name());
                    continue;
                }
                Duration delay = delay(counter.failures + counter.inFlight, key.freeFailures());
                Duration left = delay.minus(Duration.between(counter.lastFailure, now));
                if (counter.failures + counter.inFlight >= key.freeFailures() && counter.inFlight > 0 && left.isNegative()) {
                    left = FIRST_DELAY; // attempts still being checked use up the budget: wait for their answer
                }
                if (left.compareTo(wait) > 0) {
                    wait = left;
                }
            }
            if (wait.isZero()) {
                for (Key key : keys) {
                    counters.computeIfAbsent(key.name(), k -> new Counter()).inFlight++;
                }
            }
            return wait;
        }
    }

    /** No wait within the free failures, then 1 s, 2 s, 4 s… up to the maximum. */
    Duration delay(int attempts, int free) {
        if (attempts < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - free, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    int entries() {
        synchronized (counters) {
            return counters.size();
        }
    }

    String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!isTrustedProxy(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return remote; // not an address: the header cannot be believed
            }
            if (!isTrustedProxy(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private boolean isTrustedProxy(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notComparable) {
                // an IPv6 address against an IPv4 range, or the reverse
            }
        }
        return false;
    }

    private static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

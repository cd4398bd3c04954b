package vn.tiendo.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins for one user name from one address, further
 * attempts get 429 until {@code lockout} has passed since the last failure. Passwords are never read or logged here,
 * only the user name.
 */
public class LoginThrottle extends OncePerRequestFilter {

    private record Failures(int count, Instant last) {
    }

    private final int maxFailures;
    private final java.time.Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, java.time.Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request.getHeader("Authorization"));
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = user + "|" + request.getRemoteAddr();
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f != null && f.count() >= maxFailures && f.last().plus(lockout).isAfter(now)) {
            Problems.write(response, 429, "too-many-logins", "Đăng nhập sai quá nhiều lần / Too many failed sign-ins",
                    "try again after " + lockout.toMinutes() + " minutes");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == 401) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        } else if (f != null) {
            failures.remove(key);
        }
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

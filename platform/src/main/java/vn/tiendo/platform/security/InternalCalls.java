package vn.tiendo.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tiendo.platform.web.ProblemDetails;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web pages (query side) acting on the command side for the person signed in to them. The query side signs a
 * statement of who that is — user name, agency, roles — valid for one minute, with an HMAC-SHA256 key both services
 * share ({@code tiendo.security.internal-key}); the command side believes only a statement with a valid signature
 * that has not expired, and then applies the same roles, scope and rules as to anyone else. Without a key nothing is
 * signed and the header is refused.
 */
public final class InternalCalls {

    public static final String HEADER = "X-Tiendo-Acting-User";
    static final Duration VALID_FOR = Duration.ofMinutes(1);

    private final byte[] key;
    private final Clock clock;

    public InternalCalls(String key, Clock clock) {
        if (key == null || key.length() < 32) {
            throw new IllegalArgumentException("the internal key must have at least 32 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The header value that speaks for {@code user} for the next minute. */
    public String sign(PlatformUser user) {
        String roles = user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        String payload = String.join("|", encode(user.username()), encode(user.agencyId() == null ? "" : user.agencyId()), roles,
                String.valueOf(clock.instant().plus(VALID_FOR).getEpochSecond()));
        return encode(payload) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    /** The user a header value speaks for; empty when its signature is wrong, it has expired or it is malformed. */
    public Optional<PlatformUser> verify(String value) {
        try {
            String[] parts = value.split("\\.");
            if (parts.length != 2) {
                return Optional.empty();
            }
            String payload = decode(parts[0]);
            byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] fields = payload.split("\\|", -1);
            if (fields.length != 4 || Instant.ofEpochSecond(Long.parseLong(fields[3])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Arrays.stream(fields[2].split(",")).filter(r -> !r.isEmpty()).forEach(r -> roles.add(Role.valueOf(r)));
            String agency = decode(fields[1]);
            return Optional.of(new PlatformUser(decode(fields[0]), agency.isEmpty() ? null : agency, Set.copyOf(roles)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** On the command side: a request with the header is signed in as the user it speaks for, or refused with 401. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String value = request.getHeader(HEADER);
                if (value == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Optional<PlatformUser> user = verify(value);
                if (user.isEmpty()) {
                    ProblemDetails.write(response, ProblemDetails.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                            "Chưa đăng nhập / Not signed in", "the acting-user statement is not valid"));
                    return;
                }
                PlatformUser.Details details = new PlatformUser.Details(user.get(), null, true);
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
                chain.doFilter(request, response);
            }
        };
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }
}

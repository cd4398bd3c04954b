package vn.tiendo.platform.security;

import org.springframework.security.crypto.password.PasswordEncoder;
import vn.tiendo.shared.EventHash;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers successful password checks for a while; see {@link PlatformSecurity#passwordEncoder()}. */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private static final int MAX_REMEMBERED = 10_000;
    private final PasswordEncoder delegate;
    private final Duration remember;
    private final Map<String, Instant> matched = new ConcurrentHashMap<>();

    RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember) {
        this.delegate = delegate;
        this.remember = remember;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String key = HexFormat.of().formatHex(EventHash.sha256((encodedPassword + "\u0000" + rawPassword).getBytes(StandardCharsets.UTF_8)));
        Instant until = matched.get(key);
        Instant now = Instant.now();
        if (until != null && until.isAfter(now)) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            if (matched.size() >= MAX_REMEMBERED) {
                matched.clear();
            }
            matched.put(key, now.plus(remember));
        } else {
            matched.remove(key);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}

package vn.tiendo.command.web;

import jakarta.servlet.http.HttpServletRequest;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.platform.security.PlatformUser;

import java.util.UUID;

/**
 * Who sends a command: the authenticated person and the agency they work for, never anything the request body or
 * headers claim. X-Request-Id is optional; one is made up when missing. It is kept in every event and printed in the
 * auditors' CSV, so only a safe alphabet is accepted: a value such as {@code =1+cmd|...} is refused with 400.
 */
public record Caller(String actor, String onBehalfOf, String requestId) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    public static final String REQUEST_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    public static Caller from(HttpServletRequest request) {
        PlatformUser user = PlatformUser.current();
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId != null && !requestId.matches(REQUEST_ID_PATTERN)) {
            throw new RuleViolation(REQUEST_ID_HEADER, "must be 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return new Caller(user.username(), user.agencyId(), requestId == null ? UUID.randomUUID().toString() : requestId);
    }
}

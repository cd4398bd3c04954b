package vn.tiendo.command.web;

import jakarta.servlet.http.HttpServletRequest;
import vn.tiendo.shared.security.PlatformUser;

import java.util.UUID;

/**
 * Who sends a command: the authenticated person and the agency they work for, never anything the request body or
 * headers claim. X-Request-Id is optional; one is made up when missing.
 */
public record Caller(String actor, String onBehalfOf, String requestId) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    public static Caller from(HttpServletRequest request) {
        PlatformUser user = PlatformUser.current();
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        return new Caller(user.username(), user.agencyId(),
                requestId == null || requestId.isBlank() || requestId.length() > 100 ? UUID.randomUUID().toString() : requestId);
    }
}

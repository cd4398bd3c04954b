package vn.tiendo.command.web;

import jakarta.servlet.http.HttpServletRequest;
import vn.tiendo.command.common.RuleViolation;

import java.util.UUID;

/**
 * Who sends a command, read from the request headers: X-Actor (the person), X-On-Behalf-Of (the agency they act for),
 * X-Request-Id (optional; one is made up when missing). Authentication will replace the first two with the
 * authenticated principal and its agency claim.
 */
public record Caller(String actor, String onBehalfOf, String requestId) {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String ON_BEHALF_OF_HEADER = "X-On-Behalf-Of";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    public static Caller from(HttpServletRequest request) {
        String actor = request.getHeader(ACTOR_HEADER);
        String agency = request.getHeader(ON_BEHALF_OF_HEADER);
        if (actor == null || actor.isBlank()) {
            throw new RuleViolation(ACTOR_HEADER, "header " + ACTOR_HEADER + " must name who sends the command");
        }
        if (agency == null || agency.isBlank()) {
            throw new RuleViolation(ON_BEHALF_OF_HEADER, "header " + ON_BEHALF_OF_HEADER + " must name the agency acted for");
        }
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        return new Caller(actor.trim(), agency.trim(), requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId);
    }
}

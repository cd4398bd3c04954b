package vn.tiendo.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.platform.scope.ScopePolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sends a command on behalf of an HTTP request: attaches who, for whom, why and which request as metadata, and
 * honours the Idempotency-Key header. With a key, the key's answer is stored in the same database transaction that
 * appends the events, so a retry gets the first answer and never a second event.
 */
@Component
public class CommandDispatcher {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final CommandGateway commandGateway;
    private final IdempotencyStore idempotencyStore;
    private final TransactionTemplate transaction;
    private final ObjectMapper objectMapper;
    private final ScopePolicy scopePolicy;

    public CommandDispatcher(CommandGateway commandGateway, IdempotencyStore idempotencyStore,
                             TransactionTemplate transaction, ObjectMapper objectMapper, ScopePolicy scopePolicy) {
        this.commandGateway = commandGateway;
        this.idempotencyStore = idempotencyStore;
        this.transaction = transaction;
        this.objectMapper = objectMapper;
        this.scopePolicy = scopePolicy;
    }

    /** A command that creates an aggregate: 201 with version 0. */
    public ResponseEntity<CommandAccepted> create(HttpServletRequest http, Object requestBody, String aggregateId, Object command) {
        return dispatch(http, requestBody, aggregateId, null, command, null, HttpStatus.CREATED);
    }

    /** A command on an existing aggregate: 200 with the aggregate's new version. */
    public ResponseEntity<CommandAccepted> update(HttpServletRequest http, Object requestBody, String aggregateId, Object command, String reason) {
        return dispatch(http, requestBody, aggregateId, null, command, reason, HttpStatus.OK);
    }

    /** A progress report: 201 with the aggregate's new version and the report's id. */
    public ResponseEntity<CommandAccepted> report(HttpServletRequest http, Object requestBody, String aggregateId, String reportId, Object command) {
        return dispatch(http, requestBody, aggregateId, reportId, command, null, HttpStatus.CREATED);
    }

    private ResponseEntity<CommandAccepted> dispatch(HttpServletRequest http, Object requestBody, String aggregateId, String reportId,
                                                     Object command, String reason, HttpStatus status) {
        Caller caller = Caller.from(http);
        String key = http.getHeader(IDEMPOTENCY_HEADER);
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, caller.actor())
                .and(MetadataKeys.ON_BEHALF_OF, caller.onBehalfOf())
                .and(MetadataKeys.REQUEST_ID, caller.requestId());
        if (reason != null) {
            metaData = metaData.and(MetadataKeys.REASON, reason);
        }
        // the aggregate checks its own lead agency against this (not copied onto the events)
        Scope scope = scopePolicy.current();
        if (!scope.isAll()) {
            metaData = metaData.and(Scope.METADATA, scope.toMetadata());
        }
        if (key == null) {
            CommandAccepted accepted = send(command, aggregateId, reportId, metaData);
            return ResponseEntity.status(effective(status, accepted)).body(accepted);
        }
        if (key.isBlank() || key.length() > 255) {
            throw new RuleViolation(IDEMPOTENCY_HEADER, "Idempotency-Key must be 1 to 255 characters");
        }
        MetaData withKey = metaData.and(MetadataKeys.IDEMPOTENCY_KEY, key);
        String requestHash = hash(http.getMethod() + " " + http.getRequestURI() + "\n" + caller.actor() + "\n" + json(requestBody));
        return transaction.execute(tx -> {
            Optional<IdempotencyStore.StoredAnswer> earlier = idempotencyStore.claim(caller.actor(), key, requestHash);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(requestHash)) {
                    throw new IdempotencyKeyReused(key);
                }
                return ResponseEntity.status(earlier.get().status()).header(REPLAYED_HEADER, "true")
                        .body(read(earlier.get().body()));
            }
            CommandAccepted accepted = send(command, aggregateId, reportId, withKey);
            HttpStatus answered = effective(status, accepted);
            idempotencyStore.record(caller.actor(), key, answered.value(), json(accepted));
            return ResponseEntity.status(answered).body(accepted);
        });
    }

    /** 202 when the command was taken as a proposal that waits for someone else's decision. */
    private static HttpStatus effective(HttpStatus status, CommandAccepted accepted) {
        return accepted.proposalId() != null ? HttpStatus.ACCEPTED : status;
    }

    private CommandAccepted send(Object command, String aggregateId, String reportId, MetaData metaData) {
        Object result = commandGateway.sendAndWait(command, metaData);
        // creating handlers answer with the new aggregate's id: version 0
        return result instanceof Handled handled ? new CommandAccepted(aggregateId, handled.version(), reportId, handled.proposalId())
                : new CommandAccepted(aggregateId, 0L, reportId);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CommandAccepted read(String body) {
        try {
            return objectMapper.readValue(body, CommandAccepted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

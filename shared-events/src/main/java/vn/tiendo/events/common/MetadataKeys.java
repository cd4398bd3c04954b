package vn.tiendo.events.common;

/**
 * Keys of the metadata every event carries. The business period is in the payload.
 */
public final class MetadataKeys {
    /** Who did it: the person's user name. */
    public static final String ACTOR = "actor";
    /** The agency the actor acted for. */
    public static final String ON_BEHALF_OF = "onBehalfOf";
    /** Why, where the command has a reason. */
    public static final String REASON = "reason";
    /** The HTTP request that caused it. */
    public static final String REQUEST_ID = "requestId";
    /** The client's Idempotency-Key, when it sent one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** For imported rows: the file's name, its SHA-256 and the row the event came from. */
    public static final String IMPORT_FILE = "importFile";
    public static final String IMPORT_SHA256 = "importSha256";
    public static final String IMPORT_ROW = "importRow";
    /** When the platform recorded the event (ISO instant, UTC); the same as the event's timestamp. */
    public static final String RECORDED_AT = "recordedAt";
    /** Tamper evidence: SHA-256 over the event and the previous event's hash in its stream (see EventHash). */
    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";
    /** {@code true} on events of the generated demo history: recorded on a simulated clock, not real reports. */
    public static final String DEMO = "demo";
    /** Set by Axon: the message that started the chain. */
    public static final String CORRELATION_ID = "correlationId";

    private MetadataKeys() {
    }
}

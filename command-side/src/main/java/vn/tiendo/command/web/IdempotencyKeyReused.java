package vn.tiendo.command.web;

/** The same Idempotency-Key came with a different request. */
public class IdempotencyKeyReused extends RuntimeException {
    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " was already used for a different request");
    }
}

package vn.tiendo.command.web;

import java.util.UUID;

/** Client-chosen ids are allowed (readable ones like "QD-1305-2025.A.1"); otherwise the server makes a UUID. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    public static final String MESSAGE = "must be 1-100 letters, digits, '.', '_', ':' or '-'";

    private Ids() {
    }

    public static String orNew(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}

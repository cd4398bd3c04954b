package vn.tiendo.events.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * An event of the contract. Each one declares what it changes in its record, field by field, so that the audit
 * trail's "old → new" is checked by the compiler instead of read from field-name conventions.
 */
public interface RecordEvent {

    /** The changed fields, in the order an auditor reads them; empty for events that change no field (an approval). */
    @JsonIgnore
    List<FieldChange> changes();
}

package vn.tiendo.command.common;

/** No record has this id (or none the caller may know of); answered with 404. */
public class UnknownRecord extends RuntimeException {

    public UnknownRecord(String id) {
        super("no record with id " + id);
    }
}

package vn.tiendo.query.web;

public class NotFound extends RuntimeException {
    public NotFound(String what, String id) {
        super("no " + what + " " + id);
    }
}

package vn.tiendo.query.web;

/** A query parameter that cannot be used; answered with 400 naming it. */
public class BadQuery extends RuntimeException {

    private final String parameter;

    public BadQuery(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

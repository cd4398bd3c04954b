package vn.tiendo.command.common;

/** A command broke one of the domain's rules about its input; answered with 400 naming the field. */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

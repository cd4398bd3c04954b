package vn.tiendo.command.common;

/** A council member may not judge a nomination of their own agency or of one below it; answered with 403 and the reason. */
public class ConflictOfInterest extends RuntimeException {

    public ConflictOfInterest(String message) {
        super("conflict of interest: " + message);
    }
}

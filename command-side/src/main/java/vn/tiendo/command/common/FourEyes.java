package vn.tiendo.command.common;

/** The same person may not both make a change and approve or accept it; answered with 403 and the reason. */
public class FourEyes extends RuntimeException {

    public FourEyes(String message) {
        super("four eyes: " + message);
    }
}

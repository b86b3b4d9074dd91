package io.pcmsim.protocol;

/** A text is not a valid VIN; the message names the value and the rule it breaks. */
public final class InvalidVinException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidVinException(String message) {
        super(message);
    }
}

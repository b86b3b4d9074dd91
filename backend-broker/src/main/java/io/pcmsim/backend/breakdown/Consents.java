package io.pcmsim.backend.breakdown;

/**
 * The consents the driver gave in one breakdown call.
 *
 * @param assistance the data may go to the Assistance
 * @param dealer the data may go to the dealer
 */
public record Consents(boolean assistance, boolean dealer) {

    /** No consent at all: nothing is forwarded. */
    public static final Consents NONE = new Consents(false, false);
}

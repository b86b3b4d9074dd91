package io.pcmsim.backend.breakdown;

/** What became of a case's report for one recipient (the Assistance or the dealer), and why. */
public enum Forwarding {
    /** No report yet. */
    PENDING("the car's report has not arrived yet"),
    /** The report was made available to the recipient: consent was given in this call. */
    FORWARDED("consent given in this call"),
    /** Withheld: no consent for this recipient was given in this call. */
    WITHHELD_NO_CONSENT("no consent given in this call"),
    /** Withheld although consent was given: no dealer could be chosen (no usable position, no dealer). */
    WITHHELD_NO_DEALER("no dealer could be chosen for the car's position"),
    /** There is nothing to forward: the car never answered. */
    NO_DATA("no data from the car");

    private final String reason;

    Forwarding(String reason) {
        this.reason = reason;
    }

    /** Why, in words. */
    public String reason() {
        return reason;
    }

    /** Whether the recipient may see the report. */
    public boolean forwarded() {
        return this == FORWARDED;
    }
}

package io.pcmsim.vehicle.softwareupdate;

import java.util.Locale;

/** What the driver answers to an offered update. */
public enum UpdateDecision {
    /** Download and install now. */
    ACCEPT,
    /** Not now: the car asks again at the backend's next offer. */
    DEFER,
    /** Never this update. */
    DECLINE;

    /**
     * Reads {@code accept}, {@code defer} or {@code decline} (any case).
     *
     * @throws IllegalArgumentException naming the text and the allowed words
     */
    public static UpdateDecision parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("update decision [" + text + "] must be accept, defer or decline", e);
        }
    }
}

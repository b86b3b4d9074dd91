package io.pcmsim.backend.internal.session;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.RebirthRequest;

/** The bodies the backend sends on a car's session level ({@code down/session}). */
public final class SessionDownlinks {

    /** Longest rebirth reason, characters (the car's content limit for text fields). */
    public static final int MAX_REASON_CHARS = 64;

    private SessionDownlinks() {
    }

    /**
     * A request to log in afresh, e.g. after the backend lost what it knew about the car.
     *
     * @throws IllegalArgumentException when {@code reason} is longer than {@value #MAX_REASON_CHARS} characters
     */
    public static DownlinkEnvelope.Builder rebirth(String reason) {
        if (reason.length() > MAX_REASON_CHARS) {
            throw new IllegalArgumentException("rebirth reason must have at most " + MAX_REASON_CHARS
                    + " characters, had " + reason.length());
        }
        return DownlinkEnvelope.newBuilder().setRebirthRequest(RebirthRequest.newBuilder().setReason(reason));
    }
}

package io.pcmsim.backend.smartservice;

import java.util.Objects;

/**
 * A Smart Service request the backend refuses: {@link #kind()} says why in general (the HTTP API maps it to
 * a status), {@link #code()} in particular (a stable word for programs, e.g. {@code dealer-not-found}), the
 * message in a sentence.
 */
public final class SmartServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Kind {
        /** A value of the request is not acceptable. */
        INVALID,
        /** Something the request names does not exist. */
        NOT_FOUND,
        /** The request does not fit the current state (e.g. booking an appointment twice). */
        CONFLICT
    }

    private final Kind kind;
    private final String code;

    public SmartServiceException(Kind kind, String code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    static SmartServiceException invalid(String field, String message) {
        return new SmartServiceException(Kind.INVALID, "invalid-" + field, field + ": " + message);
    }
}

package io.pcmsim.backend.http;

import io.javalin.security.RouteRole;

/**
 * Who a route is for. Every route carries its role now; access control (a later step) checks the
 * caller's role against it in one place, without moving routes. Each role's routes share one path
 * prefix ({@link #prefix()}).
 */
public enum ApiRole implements RouteRole {
    /** Health and other routes anyone may call. */
    PUBLIC(""),
    /** The car's owner, through the app. */
    OWNER("/api/v1/owner"),
    /** A dealer's workshop. */
    DEALER("/api/v1/dealer"),
    /** The breakdown assistance service. */
    ASSISTANCE("/api/v1/assistance"),
    /** The backend's operator. */
    OPERATOR("/api/v1/operator");

    private final String prefix;

    ApiRole(String prefix) {
        this.prefix = prefix;
    }

    /** The path prefix of this role's routes, e.g. {@code /api/v1/owner}; empty for {@link #PUBLIC}. */
    public String prefix() {
        return prefix;
    }
}

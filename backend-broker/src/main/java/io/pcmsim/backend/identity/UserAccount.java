package io.pcmsim.backend.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the identity registry.
 *
 * @param userId the user's ID (a UUID)
 * @param name the user's name
 * @param createdAt when the user was registered (the backend's clock)
 * @param autoEnrolled whether the backend generated this user at a VIN's first login
 */
public record UserAccount(String userId, String name, Instant createdAt, boolean autoEnrolled) {

    public UserAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

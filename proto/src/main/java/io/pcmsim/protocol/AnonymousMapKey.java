package io.pcmsim.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key a car uses towards the map provider instead of any identity: 32 lower-case hex digits
 * (128 random bits) issued by the backend after the entitlement check of the VIN. It cannot hold a
 * VIN (17 characters, letters beyond f) or a name.
 */
public record AnonymousMapKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    public AnonymousMapKey {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("anonymous map key [" + value
                    + "] must be 32 lower-case hex digits");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

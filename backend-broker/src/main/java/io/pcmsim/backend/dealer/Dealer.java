package io.pcmsim.backend.dealer;

import java.util.Objects;
import java.util.regex.Pattern;

/** A dealer's workshop: where it is and how to reach it. */
public record Dealer(String id, String name, String street, String city, String country, GeoPosition position,
        String phone) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Dealer {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("dealer id \"" + id + "\" must be lower case letters, digits and dashes");
        }
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("dealer " + id + " has no name");
        }
        if (!COUNTRY.matcher(Objects.requireNonNull(country, "country")).matches()) {
            throw new IllegalArgumentException("country \"" + country + "\" is not an ISO 3166-1 alpha-2 code");
        }
    }
}

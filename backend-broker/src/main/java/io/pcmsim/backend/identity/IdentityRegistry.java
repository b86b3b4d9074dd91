package io.pcmsim.backend.identity;

import io.pcmsim.protocol.Vin;
import java.util.List;
import java.util.Optional;

/**
 * The identity registry and the contracts: users, the owner of each VIN and each VIN's connectivity
 * package. Thread-safe; every call is its own transaction on the backend's database.
 */
public interface IdentityRegistry {

    /** The logger that tells each enrolment of an unknown VIN at its first login (INFO). */
    String ENROLMENT_LOGGER = "io.pcmsim.backend.identity";

    /** Registers a new user with a fresh user ID. */
    UserAccount register(String name);

    /** The user with this ID, if registered. */
    Optional<UserAccount> user(String userId);

    /**
     * Makes {@code userId} the owner of {@code vin}, replacing the previous owner (a car that was sold).
     *
     * @throws IllegalArgumentException when no user has this ID
     */
    void link(String userId, Vin vin);

    /** Gives {@code vin} this connectivity package, replacing the one it had. */
    void grant(Vin vin, ConnectivityPackage connectivity);

    /** The owner and the package of {@code vin}, each if any. */
    VehicleContract contract(Vin vin);

    /** The VINs {@code userId} owns, in VIN order. */
    List<Vin> vehicles(String userId);
}

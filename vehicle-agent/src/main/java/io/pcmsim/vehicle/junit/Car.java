package io.pcmsim.vehicle.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses which car of the {@link EmulatedCars} fleet an {@code EmulatedVehicle} parameter gets: its index in
 * the fleet's VIN order, from 0. Without it a parameter gets the first car.
 *
 * <pre>{@code
 * @Test
 * void twoCars(@Car(0) EmulatedVehicle first, @Car(1) EmulatedVehicle second) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Car {

    /** Index of the car in {@code Fleet.vehicles()}, from 0. */
    int value();
}

package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one car is built and used: the fixed parameters its wear model integrates, and its state when the
 * simulation starts. Created by {@link VehicleProfiles#generate}.
 *
 * @param vin the car's VIN
 * @param modelLine model line, consistent with the VIN where the VIN names one
 * @param modelYear model year
 * @param powertrain the powertrain, one the line is built with; it decides which readings the car has
 * @param drivingProfile how the car is used
 * @param annualMileageKm distance driven per year, km (in the driving profile's range)
 * @param drivingHoursPerDay hours the car is driven per day; the duty cycle is this over 24
 * @param oilLifeKm distance over which engine oil life falls from 100 % to 0 % (time adds to it)
 * @param frontPadLifeKm distance over which a front brake pad wears from 0 % to 100 %
 * @param rearPadLifeKm same for a rear pad; longer than the front
 * @param oilUsePercentPer1000Km engine oil the engine burns, % of the range between the dipstick's marks per
 *     1,000 km (0 without an engine)
 * @param washerUsePercentPer1000Km washer fluid used, % of the reservoir per 1,000 km
 * @param lowVoltageDrainPercentPerDay 12 V charge the parked car draws (clock, alarm, modules), % per day
 * @param faultOnsets faults the car develops by itself, in time order (one at {@code start}: it starts with it)
 * @param tireLeakPerDay fraction of pressure each tyre loses per day (a slow puncture leaks faster)
 * @param serviceIntervalKm distance between scheduled services, km
 * @param serviceInterval time between scheduled services
 * @param noiseSeed seed of the battery voltage noise
 * @param software installed control-unit software
 * @param maps installed navigation maps
 * @param liveDiagnosis whether the car declares the live-diagnosis capability
 * @param start simulated instant {@link #initialState} refers to
 * @param initialState state at {@code start}
 */
public record VehicleProfile(
        Vin vin,
        ModelLine modelLine,
        int modelYear,
        Powertrain powertrain,
        DrivingProfile drivingProfile,
        double annualMileageKm,
        double drivingHoursPerDay,
        double oilLifeKm,
        double frontPadLifeKm,
        double rearPadLifeKm,
        double oilUsePercentPer1000Km,
        double washerUsePercentPer1000Km,
        double lowVoltageDrainPercentPerDay,
        List<FaultOnset> faultOnsets,
        Wheels tireLeakPerDay,
        double serviceIntervalKm,
        Duration serviceInterval,
        long noiseSeed,
        List<InstalledVersion> software,
        List<InstalledVersion> maps,
        boolean liveDiagnosis,
        Instant start,
        VehicleSnapshot initialState) {

    public VehicleProfile {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(modelLine, "modelLine");
        Objects.requireNonNull(powertrain, "powertrain");
        Objects.requireNonNull(drivingProfile, "drivingProfile");
        if (!modelLine.builtWith(powertrain)) {
            throw new IllegalArgumentException("a " + modelLine + " is not built as " + powertrain + "; it is built as "
                    + modelLine.powertrains());
        }
        faultOnsets = List.copyOf(faultOnsets);
        software = List.copyOf(software);
        maps = List.copyOf(maps);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(initialState, "initialState");
        if (!(annualMileageKm > 0)) {
            throw new IllegalArgumentException("annualMileageKm must be above 0, was " + annualMileageKm);
        }
        if (!(drivingHoursPerDay > 0 && drivingHoursPerDay <= 24)) {
            throw new IllegalArgumentException(
                    "drivingHoursPerDay must be above 0 and at most 24, was " + drivingHoursPerDay);
        }
    }

    /** Share of the time the car is driven, 0 to 1. */
    public double dutyCycle() {
        return drivingHoursPerDay / 24.0;
    }
}

package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Generates a car's profile and initial state from a seed and its VIN. The initial state is spread so a
 * fleet shows a realistic mix: most cars fine, roughly one in ten near or past each maintenance limit
 * (low oil life or level, worn pads, weak battery, a slow puncture, old brake fluid, service due), a few
 * with a fault, so a backend derives maintenance needs within a day or two of simulated driving. The
 * powertrain (among those the line is built with) and the driving profile are drawn too, unless a
 * {@link ProfileChoice} forces them. Stateless and thread-safe.
 */
public final class VehicleProfiles {

    private static final double SERVICE_INTERVAL_KM = 30_000;
    private static final Duration SERVICE_INTERVAL = Duration.ofDays(730);
    private static final double PLUG_IN_HYBRID_SHARE = 0.35;
    private static final double LATER_FAULT_SHARE = 0.08;

    private VehicleProfiles() {
    }

    /** {@link #generate(Vin, long, Instant, ProfileChoice)} with nothing forced. */
    public static VehicleProfile generate(Vin vin, long seed, Instant start) {
        return generate(vin, seed, start, ProfileChoice.ANY);
    }

    /**
     * The profile of {@code vin} in a fleet generated with {@code seed}, starting at simulated instant
     * {@code start}, with the powertrain and driving profile {@code choice} forces. Same arguments, same profile.
     *
     * @throws IllegalArgumentException when the VIN names a line that is not built with the forced powertrain
     */
    public static VehicleProfile generate(Vin vin, long seed, Instant start, ProfileChoice choice) {
        SplittableRandom r = new SplittableRandom(seed ^ (vin.value().hashCode() * 0x9E3779B97F4A7C15L));
        // draws added with powertrains and driving profiles come from a stream of their own, so the draws
        // of before keep their values
        SplittableRandom extra = new SplittableRandom(seed ^ (vin.value().hashCode() * 0xC2B2AE3D27D4EB4FL) ^ 0x5DEECE66DL);
        ModelLine line = line(vin, choice, r);
        Powertrain powertrain = choice.forcedPowertrain().orElseGet(() -> line.powertrains().size() == 1
                ? line.powertrains().iterator().next()
                : extra.nextDouble() < PLUG_IN_HYBRID_SHARE ? Powertrain.PLUG_IN_HYBRID : Powertrain.COMBUSTION);
        DrivingProfile driving = choice.forcedDriving().orElseGet(() -> driving(extra));
        int startYear = start.atZone(ZoneOffset.UTC).getYear();
        int modelYear = ModelYears.of(vin).orElse(startYear - r.nextInt(0, 8));
        double ageYears = Math.max(0.1, startYear - modelYear + r.nextDouble(0, 1));

        double annualKm = driving.annualKm(r.nextDouble());
        double hoursPerDay = Math.min(4.0, annualKm / 365.0 / driving.averageSpeedKmh(r.nextDouble()));
        double engineShare = powertrain == Powertrain.PLUG_IN_HYBRID ? 0.6 : 1.0;
        double oilLifeKm = r.nextDouble(15_000, 20_000) / driving.oilWearFactor() / engineShare;
        double regeneration = powertrain == Powertrain.BATTERY_ELECTRIC ? 2.0
                : powertrain == Powertrain.PLUG_IN_HYBRID ? 1.5 : 1.0;
        double frontPadLifeKm = r.nextDouble(40_000, 60_000) / driving.padWearFactor() * regeneration;
        double rearPadLifeKm = frontPadLifeKm * r.nextDouble(1.5, 2.0);
        double odometer = annualKm * ageYears;

        double oilLife = pick(r, 0.12, 9, 17, 20, 100);
        double frontWear = pick(r, 0.10, 77, 86, 5, 70);
        Wheels padWear = new Wheels(frontWear + r.nextDouble(0, 2), frontWear + r.nextDouble(0, 2),
                frontWear * 0.6 + r.nextDouble(0, 2), frontWear * 0.6 + r.nextDouble(0, 2));

        boolean weakBattery = r.nextDouble() < 0.10;
        double batteryUnit = r.nextDouble();
        double drainUnit = r.nextDouble();
        double lvHealth = weakBattery ? 45 + 15 * batteryUnit : Math.max(60, 100 - ageYears * 4 * batteryUnit);
        double lvCharge = driving == DrivingProfile.RARELY_DRIVEN ? 55 + 30 * batteryUnit
                : weakBattery ? 60 + 15 * batteryUnit : 80 + 20 * batteryUnit;
        double lvDrain = weakBattery ? 3 + 2 * drainUnit : 1.5 + 0.5 * drainUnit;

        double nominal = line.nominalTirePressureKpa();
        double[] pressures = new double[4];
        double[] leaks = new double[4];
        for (int i = 0; i < 4; i++) {
            pressures[i] = nominal * r.nextDouble(0.93, 1.03);
            leaks[i] = r.nextDouble(0.0003, 0.001);
        }
        if (r.nextDouble() < 0.10) {
            int wheel = r.nextInt(4);
            pressures[wheel] = nominal * r.nextDouble(0.84, 0.93);
            leaks[wheel] = r.nextDouble(0.03, 0.10);
        }

        double distanceToService = pick(r, 0.10, -200, 2_000, 3_000, SERVICE_INTERVAL_KM);
        long timeToServiceDays = (long) pick(r, 0.08, 10, 40, 60, SERVICE_INTERVAL.toDays());
        List<FaultOnset> faults = new ArrayList<>();
        List<Fault> startable = Arrays.stream(Fault.values())
                .filter(f -> f.appliesTo(powertrain) && f != Fault.SLOW_TYRE_LEAK && f != Fault.OIL_LEAK).toList();
        if (r.nextDouble() < 0.04) {
            faults.add(new FaultOnset(startable.get(r.nextInt(startable.size())), start));
        }
        List<Fault> later = Arrays.stream(Fault.values()).filter(f -> f.appliesTo(powertrain)).toList();
        if (extra.nextDouble() < LATER_FAULT_SHARE) {
            Fault fault = later.get(extra.nextInt(later.size()));
            faults.add(new FaultOnset(fault, start.plus(Duration.ofMinutes(extra.nextLong(1_440, 525_600)))));
        }

        MoreReadings more = new MoreReadings(
                powertrain.hasEngine() ? OptionalDouble.of(pick(extra, 0.08, 12, 25, 40, 100)) : OptionalDouble.empty(),
                OptionalDouble.of(extra.nextDouble(0, 850)),
                OptionalDouble.of(lvCharge), OptionalDouble.of(lvHealth),
                powertrain.hasHighVoltageBattery() ? OptionalDouble.of(extra.nextDouble(40, 80)) : OptionalDouble.empty(),
                powertrain.hasHighVoltageBattery()
                        ? OptionalDouble.of(Math.max(60, 100 - ageYears * extra.nextDouble(1, 2.5))) : OptionalDouble.empty(),
                OptionalDouble.of(pick(extra, 0.08, 5, 15, 20, 100)), List.of());
        VehicleSnapshot initial = new VehicleSnapshot(odometer, odometer / Math.max(1, annualKm / 365.0 / hoursPerDay),
                powertrain.hasEngine() ? OptionalDouble.of(oilLife) : OptionalDouble.empty(), padWear,
                LowVoltageBattery.restingVolts(lvCharge, lvHealth),
                new Wheels(pressures[0], pressures[1], pressures[2], pressures[3]), nominal,
                distanceToService, Duration.ofDays(timeToServiceDays), List.of(), more);
        return new VehicleProfile(vin, line, modelYear, powertrain, driving, annualKm, hoursPerDay, oilLifeKm,
                frontPadLifeKm, rearPadLifeKm,
                powertrain.hasEngine() ? extra.nextDouble(1, 4) * driving.oilWearFactor() * engineShare : 0,
                extra.nextDouble(4, 12), lvDrain, faults, new Wheels(leaks[0], leaks[1], leaks[2], leaks[3]),
                SERVICE_INTERVAL_KM, SERVICE_INTERVAL, r.nextLong(),
                withPowertrainUnits(software(r, modelYear), seed, vin, powertrain, modelYear), maps(r, modelYear),
                r.nextDouble() < 0.7, start, initial);
    }

    private static ModelLine line(Vin vin, ProfileChoice choice, SplittableRandom r) {
        List<ModelLine> lines = choice.forcedPowertrain().map(ModelLine::builtWithPowertrain)
                .orElse(List.of(ModelLine.values()));
        ModelLine line = ModelLine.fromVin(vin).orElseGet(() -> lines.get(r.nextInt(lines.size())));
        if (!lines.contains(line)) {
            throw new IllegalArgumentException("VIN " + vin.value() + " names a " + line + " (model code "
                    + line.modelCode() + "), which is not built as " + choice.powertrain() + "; " + choice.powertrain()
                    + " cars are " + lines + " (VIN model codes "
                    + lines.stream().map(ModelLine::vinModelCode).toList() + ")");
        }
        return line;
    }

    /** Half the cars commute, a fifth drive long distances, the rest are driven hard or rarely. */
    private static DrivingProfile driving(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.50 ? DrivingProfile.COMMUTER
                : u < 0.70 ? DrivingProfile.LONG_DISTANCE
                : u < 0.85 ? DrivingProfile.SPORTY : DrivingProfile.RARELY_DRIVEN;
    }

    /** With probability {@code critical} a value in [critLow, critHigh), else one in [low, high). */
    private static double pick(SplittableRandom r, double critical, double critLow, double critHigh,
            double low, double high) {
        return r.nextDouble() < critical ? r.nextDouble(critLow, critHigh) : r.nextDouble(low, high);
    }

    private static List<InstalledVersion> software(SplittableRandom r, int modelYear) {
        int generation = modelYear >= 2022 ? 6 : 5;
        return List.of(
                new InstalledVersion("PCM", "PCM" + generation + "." + r.nextInt(0, 4) + "." + r.nextInt(0, 20)),
                new InstalledVersion("GATEWAY", "GW" + r.nextInt(1, 4) + "." + r.nextInt(0, 10)),
                new InstalledVersion("TELEMATICS", "TCU" + r.nextInt(2, 5) + "." + r.nextInt(0, 10)));
    }

    /**
     * The control units a powertrain adds: engine electronics ({@code DME}) where there is an engine, the battery
     * management ({@code BMS}) where there is a high-voltage battery. Drawn from the seed and the VIN on a stream
     * of their own, so that every other value of a profile stays as it was.
     */
    private static List<InstalledVersion> withPowertrainUnits(List<InstalledVersion> base, long seed, Vin vin,
            Powertrain powertrain, int modelYear) {
        SplittableRandom u = new SplittableRandom(seed ^ (vin.value().hashCode() * 0xD6E8FEB86659FD93L) ^ 0x50F7L);
        List<InstalledVersion> all = new java.util.ArrayList<>(base);
        if (powertrain != Powertrain.BATTERY_ELECTRIC) {
            all.add(new InstalledVersion("DME", "DME" + (modelYear >= 2021 ? 9 : 8) + "." + u.nextInt(0, 8)
                    + "." + u.nextInt(0, 30)));
        }
        if (powertrain != Powertrain.COMBUSTION) {
            all.add(new InstalledVersion("BMS", "BMS" + (modelYear >= 2023 ? 3 : 2) + "." + u.nextInt(0, 6)
                    + "." + u.nextInt(0, 20)));
        }
        return List.copyOf(all);
    }

    private static List<InstalledVersion> maps(SplittableRandom r, int modelYear) {
        int base = Math.max(2019, modelYear);
        return List.of(new InstalledVersion("EU", base + r.nextInt(0, 3) + "." + r.nextInt(1, 5)));
    }
}

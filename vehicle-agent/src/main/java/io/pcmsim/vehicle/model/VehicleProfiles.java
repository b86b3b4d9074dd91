package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a car's profile and initial state from a seed and its VIN. The initial state is spread so a
 * fleet shows a realistic mix: most cars fine, roughly one in ten near or past each maintenance limit
 * (low oil life, worn pads, weak battery, a slow puncture, service due), so a backend derives maintenance
 * needs within a day or two of simulated driving. Stateless and thread-safe.
 */
public final class VehicleProfiles {

    private static final List<String> RARE_DTCS = List.of("P0301", "P0420", "P0171", "P0128", "U0100");
    private static final double SERVICE_INTERVAL_KM = 30_000;
    private static final Duration SERVICE_INTERVAL = Duration.ofDays(730);

    private VehicleProfiles() {
    }

    /**
     * The profile of {@code vin} in a fleet generated with {@code seed}, starting at simulated instant
     * {@code start}. Same arguments, same profile.
     */
    public static VehicleProfile generate(Vin vin, long seed, Instant start) {
        SplittableRandom r = new SplittableRandom(seed ^ (vin.value().hashCode() * 0x9E3779B97F4A7C15L));
        ModelLine line = ModelLine.fromVin(vin)
                .orElse(ModelLine.values()[r.nextInt(ModelLine.values().length)]);
        int startYear = start.atZone(ZoneOffset.UTC).getYear();
        int modelYear = ModelYears.of(vin).orElse(startYear - r.nextInt(0, 8));
        double ageYears = Math.max(0.1, startYear - modelYear + r.nextDouble(0, 1));

        double annualKm = r.nextDouble(8_000, 35_000);
        double hoursPerDay = Math.min(4.0, annualKm / 365.0 / r.nextDouble(35, 65));
        double oilLifeKm = r.nextDouble(15_000, 20_000);
        double frontPadLifeKm = r.nextDouble(40_000, 60_000);
        double rearPadLifeKm = frontPadLifeKm * r.nextDouble(1.5, 2.0);
        double odometer = annualKm * ageYears;

        double oilLife = pick(r, 0.12, 9, 17, 20, 100);
        double frontWear = pick(r, 0.10, 77, 86, 5, 70);
        Wheels padWear = new Wheels(frontWear + r.nextDouble(0, 2), frontWear + r.nextDouble(0, 2),
                frontWear * 0.6 + r.nextDouble(0, 2), frontWear * 0.6 + r.nextDouble(0, 2));

        boolean weakBattery = r.nextDouble() < 0.10;
        double battery = weakBattery ? r.nextDouble(12.18, 12.30) : r.nextDouble(12.45, 12.8);
        double batteryDrift = weakBattery ? r.nextDouble(0.01, 0.04) : r.nextDouble(0.0003, 0.002);

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
        List<String> dtcs = r.nextDouble() < 0.04 ? List.of(RARE_DTCS.get(r.nextInt(RARE_DTCS.size()))) : List.of();

        VehicleSnapshot initial = new VehicleSnapshot(odometer, odometer / Math.max(1, annualKm / 365.0 / hoursPerDay),
                oilLife, padWear, battery,
                new Wheels(pressures[0], pressures[1], pressures[2], pressures[3]), nominal,
                distanceToService, Duration.ofDays(timeToServiceDays), dtcs);
        return new VehicleProfile(vin, line, modelYear, annualKm, hoursPerDay, oilLifeKm, frontPadLifeKm,
                rearPadLifeKm, batteryDrift, new Wheels(leaks[0], leaks[1], leaks[2], leaks[3]),
                SERVICE_INTERVAL_KM, SERVICE_INTERVAL, r.nextLong(), software(r, modelYear), maps(r, modelYear),
                r.nextDouble() < 0.7, start, initial);
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

    private static List<InstalledVersion> maps(SplittableRandom r, int modelYear) {
        int base = Math.max(2019, modelYear);
        return List.of(new InstalledVersion("EU", base + r.nextInt(0, 3) + "." + r.nextInt(1, 5)));
    }
}

package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The physical state of one car, evolving lazily on simulated time while the car is driven.
 *
 * <p>{@link #advanceTo(Instant)} integrates wear over the simulated time elapsed since the last call:
 * distance = annual mileage × elapsed time (the duty cycle spreads it over the driving hours);
 * engine oil life falls with distance and with time; brake pads wear with distance, front faster than
 * rear; the 12 V battery's resting voltage drifts down, with a small noise that depends only on the seed
 * and the simulated day; tyres lose pressure exponentially at their leak rate; distance and time to
 * service count down. The result depends on the profile and the instants passed, not on how often the
 * state is sampled (up to floating-point rounding).
 *
 * <p>Thread-safe: all methods are synchronized (vehicles call them from their lane; status readers from
 * anywhere).
 */
public final class VehicleModel {

    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final double OIL_AGEING_DAYS = 730.0;
    private static final double OIL_TIME_SHARE = 0.25;
    private static final double BATTERY_FLOOR_VOLTS = 11.2;
    private static final double BATTERY_NOISE_VOLTS = 0.02;

    private final VehicleProfile profile;
    private Instant time;
    private double odometerKm;
    private double operatingHours;
    private double oilLifePercent;
    private double[] padWear;
    private double batteryBaseVolts;
    private double[] tireKpa;
    private double distanceToServiceKm;
    private double secondsToService;
    private List<String> dtcs;

    public VehicleModel(VehicleProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        VehicleSnapshot s = profile.initialState();
        this.time = profile.start();
        this.odometerKm = s.odometerKm();
        this.operatingHours = s.operatingHours();
        this.oilLifePercent = s.engineOilLifePercent();
        this.padWear = toArray(s.brakePadWearPercent());
        this.batteryBaseVolts = s.lowVoltageBatteryVolts();
        this.tireKpa = toArray(s.tirePressureKpa());
        this.distanceToServiceKm = s.distanceToServiceKm();
        this.secondsToService = s.timeToService().toSeconds();
        this.dtcs = s.dtcs();
    }

    public VehicleProfile profile() {
        return profile;
    }

    /** Simulated instant the state refers to. */
    public synchronized Instant time() {
        return time;
    }

    /**
     * Integrates wear up to {@code simNow}. An instant at or before the current one changes nothing
     * (simulated time never runs backwards for a car).
     */
    public synchronized void advanceTo(Instant simNow) {
        if (!simNow.isAfter(time)) {
            return;
        }
        double seconds = Duration.between(time, simNow).toNanos() / 1e9;
        double days = seconds / SECONDS_PER_DAY;
        double km = profile.annualMileageKm() / 365.0 * days;

        odometerKm += km;
        operatingHours += seconds / 3600.0 * profile.dutyCycle();
        oilLifePercent = Math.max(0, oilLifePercent
                - 100 * ((1 - OIL_TIME_SHARE) * km / profile.oilLifeKm() + OIL_TIME_SHARE * days / OIL_AGEING_DAYS));
        for (int i = 0; i < 4; i++) {
            double life = i < 2 ? profile.frontPadLifeKm() : profile.rearPadLifeKm();
            padWear[i] = Math.min(100, padWear[i] + 100 * km / life);
            tireKpa[i] *= Math.exp(-profile.tireLeakPerDay().get(i) * days);
        }
        batteryBaseVolts = Math.max(BATTERY_FLOOR_VOLTS, batteryBaseVolts - profile.batteryDriftVoltsPerDay() * days);
        distanceToServiceKm -= km;
        secondsToService -= seconds;
        time = simNow;
    }

    /** The state at {@link #time()}. */
    public synchronized VehicleSnapshot snapshot() {
        return new VehicleSnapshot(odometerKm, operatingHours, oilLifePercent,
                new Wheels(padWear[0], padWear[1], padWear[2], padWear[3]),
                batteryBaseVolts + batteryNoise(),
                new Wheels(tireKpa[0], tireKpa[1], tireKpa[2], tireKpa[3]),
                profile.initialState().tirePressureNominalKpa(),
                distanceToServiceKm, Duration.ofSeconds((long) secondsToService), dtcs);
    }

    /** Noise in ±{@value #BATTERY_NOISE_VOLTS} V, a function of the seed and the simulated day only. */
    private double batteryNoise() {
        long day = Math.floorDiv(time.getEpochSecond(), 86_400L);
        long h = mix(profile.noiseSeed() ^ (day * 0xD1B54A32D192ED03L));
        double unit = (h >>> 11) * 0x1.0p-53;
        return (unit * 2 - 1) * BATTERY_NOISE_VOLTS;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private static double[] toArray(Wheels w) {
        return new double[] {w.frontLeft(), w.frontRight(), w.rearLeft(), w.rearRight()};
    }
}

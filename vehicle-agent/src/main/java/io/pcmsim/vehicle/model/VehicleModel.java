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
 * <p>Trips come on top of that spread: {@link #startTrip} makes the car cover a distance over a stretch of
 * simulated time (wear as for any distance, operating hours for the whole trip); the car is
 * {@link DrivingState#DRIVING} meanwhile and {@link DrivingState#PARKED} after. {@link #serviceAt} is a
 * workshop visit: oil, pads, tyres and the service interval are renewed, trouble codes cleared.
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
    private Instant tripStart;
    private Instant tripEnd;
    private double tripKm;
    private boolean ignitionOn;

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
        this.tripStart = time;
        this.tripEnd = time;
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
        double tripSeconds = overlapSeconds(time, simNow);
        double tripTotal = Duration.between(tripStart, tripEnd).toNanos() / 1e9;
        double tripShareKm = tripSeconds > 0 ? tripKm * tripSeconds / tripTotal : 0;
        double km = profile.annualMileageKm() / 365.0 * days + tripShareKm;

        odometerKm += km;
        operatingHours += seconds / 3600.0 * profile.dutyCycle() + tripSeconds / 3600.0;
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

    /** Seconds of the current trip that fall between {@code from} and {@code to}. */
    private double overlapSeconds(Instant from, Instant to) {
        Instant start = from.isAfter(tripStart) ? from : tripStart;
        Instant end = to.isBefore(tripEnd) ? to : tripEnd;
        return end.isAfter(start) ? Duration.between(start, end).toNanos() / 1e9 : 0;
    }

    /**
     * Starts a trip at {@code now}: {@code distanceKm} covered evenly until {@code now + duration}. The state
     * is first advanced to {@code now}; a trip in progress ends there (what it covered so far stays).
     *
     * @throws IllegalArgumentException when the duration is not positive or the distance negative or not finite
     */
    public synchronized void startTrip(Instant now, Duration duration, double distanceKm) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a trip must last longer than 0, was " + duration);
        }
        if (!(distanceKm >= 0) || Double.isInfinite(distanceKm)) {
            throw new IllegalArgumentException("a trip's distance must be 0 km or more, was " + distanceKm);
        }
        advanceTo(now);
        Instant from = now.isAfter(time) ? now : time;
        tripStart = from;
        tripEnd = from.plus(duration);
        tripKm = distanceKm;
        ignitionOn = false;
    }

    /** Ignition on at {@code now} while not on a trip; no effect while driving. */
    public synchronized void switchIgnitionOn(Instant now) {
        if (state(now) != DrivingState.DRIVING) {
            ignitionOn = true;
        }
    }

    /** Parks at {@code now}: a trip in progress ends there (what it covered so far stays), ignition off. */
    public synchronized void park(Instant now) {
        advanceTo(now);
        if (tripEnd.isAfter(time)) {
            tripKm = tripKm * overlapSeconds(tripStart, time) / (Duration.between(tripStart, tripEnd).toNanos() / 1e9);
            tripEnd = time.isAfter(tripStart) ? time : tripStart;
        }
        ignitionOn = false;
    }

    /** Ignition and motion at {@code now}. */
    public synchronized DrivingState state(Instant now) {
        if (!now.isBefore(tripStart) && now.isBefore(tripEnd)) {
            return DrivingState.DRIVING;
        }
        return ignitionOn ? DrivingState.IGNITION_ON : DrivingState.PARKED;
    }

    /** Speed at {@code now}, km/h: the trip's even pace while {@link DrivingState#DRIVING}, else 0. */
    public synchronized double speedKmh(Instant now) {
        if (state(now) != DrivingState.DRIVING) {
            return 0;
        }
        return tripKm / (Duration.between(tripStart, tripEnd).toNanos() / 3.6e12);
    }

    /**
     * Distance covered by trips between {@code from} and {@code to}, km (the spread of the annual mileage
     * is not a trip and moves the car nowhere).
     */
    public synchronized double tripDistanceKm(Instant from, Instant to) {
        double total = Duration.between(tripStart, tripEnd).toNanos() / 1e9;
        return total > 0 ? tripKm * overlapSeconds(from, to) / total : 0;
    }

    /**
     * A workshop visit at {@code now}: fresh oil, new brake pads, tyres at their placard pressure, the
     * service interval restarted, trouble codes cleared. The 12 V battery is left as it is.
     */
    public synchronized void serviceAt(Instant now) {
        advanceTo(now);
        oilLifePercent = 100;
        padWear = new double[4];
        double nominal = profile.initialState().tirePressureNominalKpa();
        tireKpa = new double[] {nominal, nominal, nominal, nominal};
        distanceToServiceKm = profile.serviceIntervalKm();
        secondsToService = profile.serviceInterval().toSeconds();
        dtcs = List.of();
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

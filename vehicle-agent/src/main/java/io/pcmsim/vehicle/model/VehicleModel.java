package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The physical state of one car, evolving lazily on simulated time while the car is driven.
 *
 * <p>{@link #advanceTo(Instant)} integrates wear over the simulated time elapsed since the last call:
 * distance = annual mileage × elapsed time (the duty cycle spreads it over the driving hours); engine oil
 * life falls with distance and with time, the oil level with distance; brake pads wear with distance, front
 * faster than rear; the 12 V battery charges while driving, drains while parked and ages (its resting voltage
 * follows, with a small noise that depends only on the seed and the simulated day); a high-voltage battery
 * loses charge with distance and is charged while parked; tyres lose pressure exponentially at their leak
 * rate; brake fluid ages; washer fluid is used with distance; distance and time to service count down.
 * Only the components of the car's {@link Powertrain} exist: a battery-electric car has no oil readings, a
 * combustion car no high-voltage battery. The result depends on the profile and the instants passed, not on
 * how often the state is sampled (up to floating-point rounding).
 *
 * <p>Trips come on top of that spread: {@link #startTrip} makes the car cover a distance over a stretch of
 * simulated time; the car is {@link DrivingState#DRIVING} meanwhile and {@link DrivingState#PARKED} after.
 * {@link Fault}s come from the profile at their instants or by {@link #inject}; {@link #serviceAt} is a
 * workshop visit: fluids, pads, tyres (punctures repaired) and the service interval renewed, a worn 12 V battery replaced, every
 * fault repaired and its codes cleared.
 *
 * <p>Thread-safe: all methods are synchronized (vehicles call them from their lane; status readers from
 * anywhere).
 */
public final class VehicleModel {

    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final double OIL_AGEING_DAYS = 730.0;
    private static final double OIL_TIME_SHARE = 0.25;
    private static final double FAULT_LEAK_PER_DAY = 0.04;
    private static final double REPAIRED_LEAK_PER_DAY = 0.001;
    private static final double OIL_LEAK_FACTOR = 30;
    private static final double OIL_PRESSURE_LOST_BELOW = 10;

    private final VehicleProfile profile;
    private final Trips trips = new Trips();
    private final Set<Fault> faults = new LinkedHashSet<>();
    private final LowVoltageBattery lowVoltage;
    private final HighVoltageBattery highVoltage;
    private int nextOnset;
    private Instant time;
    private double odometerKm;
    private double operatingHours;
    private double oilLifePercent;
    private double oilLevelPercent;
    private double[] padWear;
    private double[] tireKpa;
    private final double[] tireLeak;
    private double brakeFluidDays;
    private double washerPercent;
    private double distanceToServiceKm;
    private double secondsToService;

    public VehicleModel(VehicleProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        VehicleSnapshot s = profile.initialState();
        MoreReadings m = s.more();
        this.time = profile.start();
        this.odometerKm = s.odometerKm();
        this.operatingHours = s.operatingHours();
        this.oilLifePercent = s.engineOilLifePercent().orElse(0);
        this.oilLevelPercent = m.engineOilLevelPercent().orElse(0);
        this.padWear = toArray(s.brakePadWearPercent());
        this.tireKpa = toArray(s.tirePressureKpa());
        this.tireLeak = toArray(profile.tireLeakPerDay());
        this.brakeFluidDays = m.brakeFluidAgeDays().orElse(0);
        this.washerPercent = m.washerFluidPercent().orElse(100);
        this.lowVoltage = new LowVoltageBattery(m.lowVoltageBatteryChargePercent().orElse(100),
                m.lowVoltageBatteryHealthPercent().orElse(100));
        this.highVoltage = HighVoltageBattery.of(profile.powertrain(), m.highVoltageBatteryChargePercent().orElse(0),
                m.highVoltageBatteryHealthPercent().orElse(100));
        this.distanceToServiceKm = s.distanceToServiceKm();
        this.secondsToService = s.timeToService().toSeconds();
        trips.reset(time);
        activateOnsets(time);
    }

    public VehicleProfile profile() {
        return profile;
    }

    /** Simulated instant the state refers to. */
    public synchronized Instant time() {
        return time;
    }

    /**
     * Integrates wear up to {@code simNow}, activating the profile's faults at their instants on the way. An
     * instant at or before the current one changes nothing (simulated time never runs backwards for a car).
     */
    public synchronized void advanceTo(Instant simNow) {
        while (nextOnset < profile.faultOnsets().size() && !profile.faultOnsets().get(nextOnset).at().isAfter(simNow)) {
            integrateTo(profile.faultOnsets().get(nextOnset).at());
            activateOnsets(time);
        }
        integrateTo(simNow);
    }

    private void activateOnsets(Instant now) {
        while (nextOnset < profile.faultOnsets().size() && !profile.faultOnsets().get(nextOnset).at().isAfter(now)) {
            activate(profile.faultOnsets().get(nextOnset++).fault());
        }
    }

    private void integrateTo(Instant simNow) {
        if (!simNow.isAfter(time)) {
            return;
        }
        double seconds = Duration.between(time, simNow).toNanos() / 1e9;
        double days = seconds / SECONDS_PER_DAY;
        double tripSeconds = trips.overlapSeconds(time, simNow);
        double tripKm = trips.kmOver(tripSeconds);
        double everydayKm = profile.annualMileageKm() / 365.0 * days;
        double km = everydayKm + tripKm;
        double drivingHours = seconds / 3600.0 * profile.dutyCycle() + tripSeconds / 3600.0;
        double parkedDays = Math.max(0, days - drivingHours / 24);

        odometerKm += km;
        operatingHours += drivingHours;
        if (profile.powertrain().hasEngine()) {
            oilLifePercent = Math.max(0, oilLifePercent - 100
                    * ((1 - OIL_TIME_SHARE) * km / profile.oilLifeKm() + OIL_TIME_SHARE * days / OIL_AGEING_DAYS));
            double leak = faults.contains(Fault.OIL_LEAK) ? OIL_LEAK_FACTOR : 1;
            oilLevelPercent = Math.max(0, oilLevelPercent - profile.oilUsePercentPer1000Km() * leak * km / 1000);
        }
        int leakingWheel = (int) Math.floorMod(profile.noiseSeed() >>> 8, 4L);
        for (int i = 0; i < 4; i++) {
            double life = i < 2 ? profile.frontPadLifeKm() : profile.rearPadLifeKm();
            padWear[i] = Math.min(100, padWear[i] + 100 * km / life);
            double leak = tireLeak[i]
                    + (i == leakingWheel && faults.contains(Fault.SLOW_TYRE_LEAK) ? FAULT_LEAK_PER_DAY : 0);
            tireKpa[i] *= Math.exp(-leak * days);
        }
        boolean weak = faults.contains(Fault.WEAK_12V_BATTERY);
        lowVoltage.advance(drivingHours, parkedDays, days, profile.lowVoltageDrainPercentPerDay() * (weak ? 3 : 1),
                profile.powertrain().hasHighVoltageBattery());
        if (profile.powertrain().hasHighVoltageBattery()) {
            highVoltage.advance(everydayKm, tripKm, parkedDays * 24, days,
                    faults.contains(Fault.HV_BATTERY_DEGRADED) ? 4 : 1);
        }
        brakeFluidDays += days;
        washerPercent = Math.max(0, washerPercent - profile.washerUsePercentPer1000Km() * km / 1000);
        distanceToServiceKm -= km;
        secondsToService -= seconds;
        time = simNow;
    }

    /**
     * Starts a trip at {@code now}: {@code distanceKm} covered evenly until {@code now + duration}. The state
     * is first advanced to {@code now}; a trip in progress ends there (what it covered so far stays).
     *
     * @throws IllegalArgumentException when the duration is not positive or the distance negative or not finite
     */
    public synchronized void startTrip(Instant now, Duration duration, double distanceKm) {
        Trips.check(duration, distanceKm);
        advanceTo(now);
        trips.start(now.isAfter(time) ? now : time, duration, distanceKm);
    }

    /** Ignition on at {@code now} while not on a trip; no effect while driving. */
    public synchronized void switchIgnitionOn(Instant now) {
        trips.switchIgnitionOn(now);
    }

    /** Parks at {@code now}: a trip in progress ends there (what it covered so far stays), ignition off. */
    public synchronized void park(Instant now) {
        advanceTo(now);
        trips.park(time);
    }

    /** Ignition and motion at {@code now}. */
    public synchronized DrivingState state(Instant now) {
        return trips.state(now);
    }

    /** Speed at {@code now}, km/h: the trip's even pace while {@link DrivingState#DRIVING}, else 0. */
    public synchronized double speedKmh(Instant now) {
        if (state(now) != DrivingState.DRIVING) {
            return 0;
        }
        return trips.speedKmh();
    }

    /**
     * Distance covered by trips between {@code from} and {@code to}, km (the spread of the annual mileage
     * is not a trip and moves the car nowhere).
     */
    public synchronized double tripDistanceKm(Instant from, Instant to) {
        return trips.kmBetween(from, to);
    }

    /**
     * A fault appears at {@code now} (the state is first advanced there); one already active changes nothing.
     *
     * @throws IllegalArgumentException when the car lacks the component (a misfire in a battery-electric car)
     */
    public synchronized void inject(Fault fault, Instant now) {
        fault.requireFits(profile);
        advanceTo(now);
        activate(fault);
    }

    private void activate(Fault fault) {
        if (!fault.appliesTo(profile.powertrain()) || !faults.add(fault)) {
            return;
        }
        if (fault == Fault.WEAK_12V_BATTERY) {
            lowVoltage.weaken();
        } else if (fault == Fault.HV_BATTERY_DEGRADED) {
            highVoltage.degrade();
        }
    }

    /** The faults active now, in the order they appeared. */
    public synchronized Set<Fault> activeFaults() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(faults));
    }

    /**
     * A workshop visit at {@code now}: fresh oil topped up to the maximum, new brake pads and brake fluid, tyres
     * at their placard pressure and punctures repaired, washer fluid filled, the service interval restarted; a 12 V battery below
     * 60 % health replaced (any other charged), a high-voltage battery below 70 % repaired; every fault
     * repaired and its codes cleared.
     */
    public synchronized void serviceAt(Instant now) {
        advanceTo(now);
        oilLifePercent = 100;
        oilLevelPercent = 100;
        padWear = new double[4];
        double nominal = profile.initialState().tirePressureNominalKpa();
        tireKpa = new double[] {nominal, nominal, nominal, nominal};
        for (int i = 0; i < 4; i++) {
            tireLeak[i] = Math.min(tireLeak[i], REPAIRED_LEAK_PER_DAY); // a puncture is repaired
        }
        brakeFluidDays = 0;
        washerPercent = 100;
        lowVoltage.service();
        highVoltage.service();
        faults.clear();
        distanceToServiceKm = profile.serviceIntervalKm();
        secondsToService = profile.serviceInterval().toSeconds();
    }

    /** The state at {@link #time()}. */
    public synchronized VehicleSnapshot snapshot() {
        Powertrain p = profile.powertrain();
        boolean engine = p.hasEngine();
        boolean hv = p.hasHighVoltageBattery();
        List<Fault> showing = faults.stream()
                .filter(f -> f != Fault.OIL_LEAK || oilLevelPercent < OIL_PRESSURE_LOST_BELOW).toList();
        List<String> codes = new ArrayList<>();
        showing.forEach(f -> codes.addAll(f.codes(profile)));
        MoreReadings more = new MoreReadings(
                engine ? OptionalDouble.of(oilLevelPercent) : OptionalDouble.empty(), OptionalDouble.of(brakeFluidDays),
                OptionalDouble.of(lowVoltage.charge()), OptionalDouble.of(lowVoltage.health()),
                hv ? OptionalDouble.of(highVoltage.charge()) : OptionalDouble.empty(),
                hv ? OptionalDouble.of(highVoltage.health()) : OptionalDouble.empty(),
                OptionalDouble.of(washerPercent), List.of());
        VehicleSnapshot s = new VehicleSnapshot(odometerKm, operatingHours,
                engine ? OptionalDouble.of(oilLifePercent) : OptionalDouble.empty(),
                new Wheels(padWear[0], padWear[1], padWear[2], padWear[3]),
                lowVoltage.restingVolts() + LowVoltageBattery.noise(profile.noiseSeed(), time),
                new Wheels(tireKpa[0], tireKpa[1], tireKpa[2], tireKpa[3]),
                profile.initialState().tirePressureNominalKpa(),
                distanceToServiceKm, Duration.ofSeconds((long) secondsToService), codes, more);
        return s.withMore(more.withWarnings(ClusterWarnings.of(s, p, showing)));
    }

    private static double[] toArray(Wheels w) {
        return new double[] {w.frontLeft(), w.frontRight(), w.rearLeft(), w.rearRight()};
    }
}

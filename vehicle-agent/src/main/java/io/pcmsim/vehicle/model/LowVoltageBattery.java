package io.pcmsim.vehicle.model;

/**
 * The 12 V battery: its state of charge and state of health. Driving charges it, a parked car draws from it
 * (a car with a high-voltage battery tops it up from there, so it loses only a fifth of that), and it ages.
 * Its resting voltage follows from charge and health. Not thread-safe: {@link VehicleModel} guards it.
 */
final class LowVoltageBattery {

    /** Charge the alternator or DC-DC converter puts back per hour of driving, %. */
    static final double CHARGE_PERCENT_PER_DRIVING_HOUR = 4;
    /** Health lost per day of age, % (about 5 % a year). */
    static final double AGEING_PERCENT_PER_DAY = 5.0 / 365;
    /** Health a worn-out battery ({@link Fault#WEAK_12V_BATTERY}) has at most, %. */
    static final double WEAK_HEALTH = 40;
    private static final double FLOOR_VOLTS = 11.2;
    private static final double NOISE_VOLTS = 0.02;
    private static final double HEALTH_FLOOR = 20;

    private double charge;
    private double health;

    LowVoltageBattery(double charge, double health) {
        this.charge = charge;
        this.health = health;
    }

    /**
     * Resting voltage of a battery at {@code charge} % with {@code health} %: 12.7 V full and healthy, about
     * 12.2 V half charged; a worn battery rests lower. Never below 11.2 V.
     */
    static double restingVolts(double charge, double health) {
        return Math.max(FLOOR_VOLTS, 11.6 + 1.1 * charge / 100 - 0.006 * (100 - health));
    }

    /**
     * @param drivingHours hours driven in the interval (charging)
     * @param parkedDays days parked in the interval (drawing {@code drainPerDay} %)
     * @param days length of the interval (ageing)
     * @param toppedUp whether a high-voltage battery tops it up while parked
     */
    void advance(double drivingHours, double parkedDays, double days, double drainPerDay, boolean toppedUp) {
        double drain = drainPerDay * parkedDays * (toppedUp ? 0.2 : 1);
        charge = Math.min(100, Math.max(0, charge + CHARGE_PERCENT_PER_DRIVING_HOUR * drivingHours - drain));
        health = Math.max(HEALTH_FLOOR, health - AGEING_PERCENT_PER_DAY * days);
    }

    /** The battery wears out: health at most {@link #WEAK_HEALTH}. */
    void weaken() {
        health = Math.min(health, WEAK_HEALTH);
    }

    /** A workshop visit: a battery below 60 % health is replaced, any other charged. */
    void service() {
        if (health < 60) {
            health = 100;
        }
        charge = 100;
    }

    /** Noise in ±{@value #NOISE_VOLTS} V of the voltage reading, a function of the seed and the simulated day only. */
    static double noise(long seed, java.time.Instant time) {
        long day = Math.floorDiv(time.getEpochSecond(), 86_400L);
        long h = mix(seed ^ (day * 0xD1B54A32D192ED03L));
        double unit = (h >>> 11) * 0x1.0p-53;
        return (unit * 2 - 1) * NOISE_VOLTS;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    double charge() {
        return charge;
    }

    double health() {
        return health;
    }

    double restingVolts() {
        return restingVolts(charge, health);
    }
}

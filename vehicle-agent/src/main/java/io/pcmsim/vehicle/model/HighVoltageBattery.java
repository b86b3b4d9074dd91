package io.pcmsim.vehicle.model;

/**
 * The high-voltage (traction) battery of a plug-in hybrid or battery-electric car: driving uses charge, the
 * parked car is charged (at home, on average power) up to its owner's target, and the battery ages. On
 * explicit trips the driver charges on the way, so the charge does not fall below 8 %; the everyday driving
 * spread over the year never takes it below 20 %. Not thread-safe: {@link VehicleModel} guards it.
 */
final class HighVoltageBattery {

    /** Health lost per day, % (about 2 % a year). */
    static final double AGEING_PERCENT_PER_DAY = 2.0 / 365;
    /** Health a degraded battery ({@link Fault#HV_BATTERY_DEGRADED}) has at most, %. */
    static final double DEGRADED_HEALTH = 65;
    private static final double TRIP_FLOOR = 8;
    private static final double EVERYDAY_FLOOR = 20;

    private final double capacityKwh;
    private final double useKwhPerKm;
    private final double chargeKw;
    private final double target;
    private double charge;
    private double health;

    private HighVoltageBattery(double capacityKwh, double useKwhPerKm, double chargeKw, double target, double charge,
            double health) {
        this.capacityKwh = capacityKwh;
        this.useKwhPerKm = useKwhPerKm;
        this.chargeKw = chargeKw;
        this.target = target;
        this.charge = charge;
        this.health = health;
    }

    /** The battery of a car with {@code powertrain}: a plug-in hybrid drives about half its km on electricity. */
    static HighVoltageBattery of(Powertrain powertrain, double charge, double health) {
        return powertrain == Powertrain.BATTERY_ELECTRIC
                ? new HighVoltageBattery(93, 0.22, 0.6, 80, charge, health)
                : new HighVoltageBattery(25, 0.25 * 0.5, 0.5, 100, charge, health);
    }

    /**
     * @param everydayKm km of the everyday driving in the interval
     * @param tripKm km of explicit trips in the interval
     * @param parkedHours hours parked (charging)
     * @param days length of the interval (ageing, times {@code ageingFactor})
     */
    void advance(double everydayKm, double tripKm, double parkedHours, double days, double ageingFactor) {
        double usable = capacityKwh * health / 100;
        double next = charge + 100 * (chargeKw * parkedHours - useKwhPerKm * (everydayKm + tripKm)) / usable;
        double floor = Math.min(charge, tripKm > 0 ? TRIP_FLOOR : EVERYDAY_FLOOR);
        double ceiling = Math.max(charge, target);
        charge = Math.min(ceiling, Math.max(floor, next));
        health = Math.max(0, health - AGEING_PERCENT_PER_DAY * ageingFactor * days);
    }

    /** Cells degrade: health at most {@link #DEGRADED_HEALTH}. */
    void degrade() {
        health = Math.min(health, DEGRADED_HEALTH);
    }

    /** A workshop replaces the modules of a battery below 70 % health: health back to 95 %. */
    void service() {
        if (health < 70) {
            health = 95;
        }
    }

    double charge() {
        return charge;
    }

    double health() {
        return health;
    }
}

package io.pcmsim.vehicle.model;

/**
 * The warnings a driver sees in the instrument cluster, as the car reports them in
 * {@code VehicleState.warnings}. Each shows while its condition holds (a reading past its limit, or an active
 * {@link Fault} that lights it) and goes out when it no longer does.
 */
public enum ClusterWarning {
    /** A tyre at least 20 % below its placard pressure (the tyre pressure monitor's limit). */
    TYRE_PRESSURE("W-TYRE-PRESSURE"),
    /** The malfunction indicator lamp: an engine or emissions fault is stored. */
    ENGINE_CHECK("W-ENGINE-CHECK"),
    /** 12 V battery weak: resting voltage below 11.9 V or its health below 50 %. */
    LOW_VOLTAGE_BATTERY("W-12V-BATTERY"),
    /** Engine oil level below 20 % between the marks: top up. */
    OIL_LEVEL("W-OIL-LEVEL"),
    /** Engine oil pressure too low: stop the engine. */
    OIL_PRESSURE("W-OIL-PRESSURE"),
    /** A brake pad at least 90 % worn (the wear sensor has made contact). */
    BRAKE_PADS("W-BRAKE-PADS"),
    /** Washer fluid below 15 %. */
    WASHER_FLUID("W-WASHER-FLUID"),
    /** The service interval has run out (distance or time). */
    SERVICE_DUE("W-SERVICE-DUE"),
    /** High-voltage battery degraded: health below 70 % or a battery fault stored. */
    HIGH_VOLTAGE_BATTERY("W-HV-BATTERY"),
    /** High-voltage system fault: stop where it is safe. */
    HIGH_VOLTAGE_SYSTEM("W-HV-SYSTEM"),
    /** Anti-lock brakes off. */
    ABS("W-ABS"),
    /** Stability control off. */
    STABILITY_CONTROL("W-STABILITY-CONTROL"),
    /** A battery-electric car's high-voltage battery below 10 %: charge soon. */
    LOW_CHARGE("W-LOW-CHARGE");

    private final String code;

    ClusterWarning(String code) {
        this.code = code;
    }

    /** The code on the wire, e.g. {@code W-TYRE-PRESSURE}. */
    public String code() {
        return code;
    }
}

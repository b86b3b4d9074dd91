package io.pcmsim.vehicle.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Faults that can be injected into a car (or that it develops by itself, drawn from its seed). Each stores
 * generic SAE J2012 trouble codes (codes the backend's live-diagnosis knowledge base explains) and lights the
 * warnings a driver would see; some also change the physics (a leaking tyre loses pressure, a weak battery
 * its voltage). A workshop visit repairs every fault and clears its codes.
 */
public enum Fault {
    /** A nail in the tread: one tyre (chosen by the seed) loses about 4 % of its pressure a day. No trouble code:
     *  the tyre pressure monitor warns once the tyre is 20 % low. */
    SLOW_TYRE_LEAK("slow-tyre-leak", Needs.ANY, List.of(), List.of(),
            "one tyre loses about 4 % of its pressure a day; warning at 20 % low"),
    /** A worn-out 12 V battery: health down to 40 %, drains three times as fast. */
    WEAK_12V_BATTERY("weak-12v-battery", Needs.ANY, List.of("P0562"), List.of(ClusterWarning.LOW_VOLTAGE_BATTERY),
            "12 V battery health 40 %, fast drain; P0562 System Voltage Low"),
    /** Misfire on one cylinder (chosen by the seed). */
    MISFIRE("misfire", Needs.ENGINE, List.of("P0300", "P030#"), List.of(ClusterWarning.ENGINE_CHECK),
            "misfire; P0300 and the cylinder's P030x"),
    /** Catalytic converter below its efficiency threshold. */
    CATALYST("catalyst", Needs.ENGINE, List.of("P0420"), List.of(ClusterWarning.ENGINE_CHECK),
            "catalyst efficiency below threshold; P0420"),
    /** Mixture too lean (an intake leak). */
    LEAN_MIXTURE("lean-mixture", Needs.ENGINE, List.of("P0171"), List.of(ClusterWarning.ENGINE_CHECK),
            "system too lean; P0171"),
    /** Thermostat stuck open: the engine does not reach its temperature. */
    COOLANT_THERMOSTAT("coolant-thermostat", Needs.ENGINE, List.of("P0128"), List.of(ClusterWarning.ENGINE_CHECK),
            "thermostat stuck open; P0128"),
    /** Oil leak: the level falls 30 times as fast; below 10 % the oil pressure drops (P0524). */
    OIL_LEAK("oil-leak", Needs.ENGINE, List.of("P0524"), List.of(ClusterWarning.OIL_PRESSURE),
            "engine oil leak; the level falls fast, below 10 % P0524 Engine Oil Pressure Too Low"),
    /** A wheel speed sensor fails: anti-lock brakes and stability control switch off. */
    WHEEL_SPEED_SENSOR("wheel-speed-sensor", Needs.ANY, List.of("P0500"),
            List.of(ClusterWarning.ABS, ClusterWarning.STABILITY_CONTROL),
            "wheel speed sensor failed, ABS and stability control off; P0500"),
    /** Cells of the high-voltage battery degraded: health down to 65 %, ageing four times as fast. */
    HV_BATTERY_DEGRADED("hv-battery-degraded", Needs.HIGH_VOLTAGE, List.of("P0A80"),
            List.of(ClusterWarning.HIGH_VOLTAGE_BATTERY),
            "high-voltage battery health 65 %; P0A80 Replace Hybrid/EV Battery Pack"),
    /** An isolation fault in the high-voltage system. */
    HV_ISOLATION("hv-isolation", Needs.HIGH_VOLTAGE, List.of("P0AA6"), List.of(ClusterWarning.HIGH_VOLTAGE_SYSTEM),
            "high-voltage isolation fault; P0AA6");

    /** Which component a fault needs. */
    private enum Needs { ANY, ENGINE, HIGH_VOLTAGE }

    private final String label;
    private final Needs needs;
    private final List<String> codes;
    private final List<ClusterWarning> warnings;
    private final String description;

    Fault(String label, Needs needs, List<String> codes, List<ClusterWarning> warnings, String description) {
        this.label = label;
        this.needs = needs;
        this.codes = codes;
        this.warnings = warnings;
        this.description = description;
    }

    /** The name users type, e.g. {@code slow-tyre-leak}. */
    public String label() {
        return label;
    }

    /** What the fault does, in a line. */
    public String description() {
        return description;
    }

    /** Whether a car with {@code powertrain} can have this fault (a misfire needs an engine). */
    public boolean appliesTo(Powertrain powertrain) {
        return switch (needs) {
            case ANY -> true;
            case ENGINE -> powertrain.hasEngine();
            case HIGH_VOLTAGE -> powertrain.hasHighVoltageBattery();
        };
    }

    /**
     * Checks that the car of {@code profile} can have this fault.
     *
     * @throws IllegalArgumentException naming the component the car lacks
     */
    public void requireFits(VehicleProfile profile) {
        if (!appliesTo(profile.powertrain())) {
            throw new IllegalArgumentException("fault " + label + " needs "
                    + (needs == Needs.ENGINE ? "a combustion engine" : "a high-voltage battery") + "; "
                    + profile.vin().value() + " is " + profile.powertrain() + " (" + profile.modelLine() + ")");
        }
    }

    /**
     * The SAE J2012 codes the fault stores in a car of {@code profile} (the cylinder of a misfire comes from
     * its seed).
     */
    public List<String> codes(VehicleProfile profile) {
        int cylinder = 1 + (int) Math.floorMod(profile.noiseSeed(), 4L);
        return codes.stream().map(c -> c.replace("#", Integer.toString(cylinder))).toList();
    }

    /** The warnings the fault lights while active (besides those its physics cause). */
    public List<ClusterWarning> warnings() {
        return warnings;
    }

    /** Every fault's name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Fault::label).toList();
    }

    /**
     * The fault named {@code name} (as {@link #label()}; case and blanks around it do not matter).
     *
     * @throws IllegalArgumentException naming the text and listing the faults
     */
    public static Fault parse(String name) {
        String text = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("fault [" + name + "] is unknown; known: "
                        + Arrays.stream(values()).map(Fault::label).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return label;
    }
}

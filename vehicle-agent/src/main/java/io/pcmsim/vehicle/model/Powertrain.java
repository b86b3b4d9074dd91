package io.pcmsim.vehicle.model;

import java.util.Arrays;
import java.util.Optional;

/** How a car is driven; it decides which components the car has and so which readings it sends. */
public enum Powertrain {
    /** Combustion engine: engine oil, no high-voltage battery. */
    COMBUSTION("combustion", true, false),
    /** Plug-in hybrid: combustion engine and a high-voltage battery charged from the grid. */
    PLUG_IN_HYBRID("plug-in-hybrid", true, true),
    /** Battery-electric: a high-voltage battery, no engine and so no engine oil. */
    BATTERY_ELECTRIC("battery-electric", false, true);

    private final String label;
    private final boolean engine;
    private final boolean highVoltageBattery;

    Powertrain(String label, boolean engine, boolean highVoltageBattery) {
        this.label = label;
        this.engine = engine;
        this.highVoltageBattery = highVoltageBattery;
    }

    /** The name users type, e.g. {@code plug-in-hybrid}. */
    public String label() {
        return label;
    }

    /** Whether the car has a combustion engine (engine oil life and level). */
    public boolean hasEngine() {
        return engine;
    }

    /** Whether the car has a high-voltage battery (its charge and health). */
    public boolean hasHighVoltageBattery() {
        return highVoltageBattery;
    }

    /** The powertrain named {@code label} ({@code combustion}, {@code plug-in-hybrid}, {@code battery-electric}). */
    public static Optional<Powertrain> byLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}

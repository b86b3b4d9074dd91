package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.Vin;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The model lines the emulator builds, with the parts of the VIN that name them, the placard tyre
 * pressure their tyres are checked against, and the powertrains each line is built with (a plug-in hybrid
 * variant shares its line's codes; the VIN does not tell the powertrain).
 */
public enum ModelLine {
    P911("992", "99", "WP0", "S", 250, EnumSet.of(Powertrain.COMBUSTION)),
    BOXSTER_CAYMAN("982", "98", "WP0", "SK", 240, EnumSet.of(Powertrain.COMBUSTION)),
    PANAMERA("971", "97", "WP0", "L", 260, EnumSet.of(Powertrain.COMBUSTION, Powertrain.PLUG_IN_HYBRID)),
    CAYENNE("9YA", "9Y", "WP1", "D", 270, EnumSet.of(Powertrain.COMBUSTION, Powertrain.PLUG_IN_HYBRID)),
    MACAN("95B", "95", "WP1", "L", 250, EnumSet.of(Powertrain.COMBUSTION)),
    TAYCAN("Y1A", "Y1", "WP0", "S", 270, EnumSet.of(Powertrain.BATTERY_ELECTRIC));

    private final String modelCode;
    private final String vinModelCode;
    private final String europeanWmi;
    private final String plantCodes;
    private final double nominalTirePressureKpa;
    private final Set<Powertrain> powertrains;

    ModelLine(String modelCode, String vinModelCode, String europeanWmi, String plantCodes,
            double nominalTirePressureKpa, Set<Powertrain> powertrains) {
        this.powertrains = powertrains;
        this.modelCode = modelCode;
        this.vinModelCode = vinModelCode;
        this.europeanWmi = europeanWmi;
        this.plantCodes = plantCodes;
        this.nominalTirePressureKpa = nominalTirePressureKpa;
    }

    /** Model code as reported at login, e.g. {@code 992}. */
    public String modelCode() {
        return modelCode;
    }

    /** The two characters at VIN positions 7 and 8 that name the line. */
    public String vinModelCode() {
        return vinModelCode;
    }

    /** World manufacturer identifier of European-market cars of this line. */
    public String europeanWmi() {
        return europeanWmi;
    }

    /** Plant codes (VIN position 11) of the plants building this line. */
    public String plantCodes() {
        return plantCodes;
    }

    /** Placard (recommended cold) tyre pressure, kPa. */
    public double nominalTirePressureKpa() {
        return nominalTirePressureKpa;
    }

    /** The powertrains this line is built with. */
    public Set<Powertrain> powertrains() {
        return EnumSet.copyOf(powertrains);
    }

    /** Whether this line is built with {@code powertrain}. */
    public boolean builtWith(Powertrain powertrain) {
        return powertrains.contains(powertrain);
    }

    /** The lines built with {@code powertrain}, in declaration order. */
    public static List<ModelLine> builtWithPowertrain(Powertrain powertrain) {
        return Arrays.stream(values()).filter(l -> l.builtWith(powertrain)).toList();
    }

    /** The line whose model code stands at positions 7 and 8 of {@code vin}, if any. */
    public static Optional<ModelLine> fromVin(Vin vin) {
        String code = vin.value().substring(6, 8);
        return Arrays.stream(values()).filter(l -> l.vinModelCode.equals(code)).findFirst();
    }
}

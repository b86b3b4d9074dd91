package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.model.ModelLine;
import io.pcmsim.vehicle.model.ModelYears;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates valid, unique VINs for a fleet, deterministically from a seed.
 *
 * <p>Most VINs follow the European Porsche layout ({@code WP0ZZZ99ZKS123456}: WMI {@code WP0}/{@code WP1},
 * filler {@code ZZZ}, model code at positions 7-8, filler, model year at 10, plant at 11, serial at 12-17).
 * A share of them follow the North-American layout (WMI starting with 1 to 5, descriptive section,
 * check digit at position 9 per 49 CFR 565); those WMIs are fictional, for emulated export cars.
 *
 * <p>Not thread-safe: one generator per fleet. The same seed gives the same sequence of VINs.
 */
public final class VinGenerator {

    private static final String[] NORTH_AMERICAN_WMIS = {"1P9", "4P1", "5PC"};
    private static final String BODY_CODES = "ABCDE";
    private static final int FIRST_MODEL_YEAR = 2016;
    private static final int LAST_MODEL_YEAR = 2025;

    private final SplittableRandom random;
    private final double northAmericanShare;
    private final List<ModelLine> lines;
    private final Set<Vin> issued = new HashSet<>();

    /** A generator where about 15 % of the VINs are North-American style. */
    public VinGenerator(long seed) {
        this(seed, 0.15);
    }

    /**
     * @param northAmericanShare share of North-American-style VINs, 0 to 1
     */
    public VinGenerator(long seed, double northAmericanShare) {
        this(seed, northAmericanShare, List.of(ModelLine.values()));
    }

    /**
     * @param northAmericanShare share of North-American-style VINs, 0 to 1
     * @param lines the model lines the VINs name (e.g. those built with one powertrain), at least one
     */
    public VinGenerator(long seed, double northAmericanShare, List<ModelLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a VIN generator needs at least one model line");
        }
        this.lines = List.copyOf(lines);
        if (!(northAmericanShare >= 0 && northAmericanShare <= 1)) {
            throw new IllegalArgumentException(
                    "northAmericanShare must be between 0 and 1, was " + northAmericanShare);
        }
        this.random = new SplittableRandom(seed);
        this.northAmericanShare = northAmericanShare;
    }

    /** The next VIN, different from every VIN this generator issued before. */
    public Vin next() {
        while (true) {
            Vin candidate = candidate();
            if (issued.add(candidate)) {
                return candidate;
            }
        }
    }

    /** The next {@code count} VINs, all different. */
    public List<Vin> generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        List<Vin> vins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vins.add(next());
        }
        return List.copyOf(vins);
    }

    private Vin candidate() {
        ModelLine line = lines.get(random.nextInt(lines.size()));
        int year = random.nextInt(FIRST_MODEL_YEAR, LAST_MODEL_YEAR + 1);
        char plant = line.plantCodes().charAt(random.nextInt(line.plantCodes().length()));
        String serial = String.format("%06d", random.nextInt(1_000_000));
        String tail = "" + ModelYears.code(year) + plant + serial;
        if (random.nextDouble() < northAmericanShare) {
            String wmi = NORTH_AMERICAN_WMIS[random.nextInt(NORTH_AMERICAN_WMIS.length)];
            String descriptor = "" + BODY_CODES.charAt(random.nextInt(BODY_CODES.length()))
                    + (char) ('A' + random.nextInt(2)) + (char) ('1' + random.nextInt(3)) + line.vinModelCode();
            StringBuilder vin = new StringBuilder(wmi).append(descriptor).append('0').append(tail);
            vin.setCharAt(8, Vin.checkDigit(vin));
            return Vin.of(vin.toString());
        }
        return Vin.of(line.europeanWmi() + "ZZZ" + line.vinModelCode() + "Z" + tail);
    }
}

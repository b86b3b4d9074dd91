package io.pcmsim.backend.internal.manual;

import io.pcmsim.protocol.Vin;
import java.util.Map;

/**
 * The model line named by a VIN's model code (positions 7 and 8), the only property of the car the anonymised
 * statistics keep. Stateless.
 */
final class ModelLines {

    static final String OTHER = "other";
    private static final Map<String, String> BY_VIN_CODE = Map.of("99", "911", "98", "718", "97", "panamera",
            "9Y", "cayenne", "95", "macan", "Y1", "taycan");

    private ModelLines() {
    }

    static String of(Vin vin) {
        return BY_VIN_CODE.getOrDefault(vin.value().substring(6, 8), OTHER);
    }
}

package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.Severity;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the knowledge base knows of one diagnostic trouble code: its SAE J2012 title, the system it
 * belongs to, how serious it is, whether the car may be driven on and the recommended actions.
 */
public record TroubleCode(String code, String system, Severity severity, Drivability drivable, String title,
        List<String> actions) {

    /** An SAE J2012 code: system letter, then four hexadecimal digits (upper case). */
    static final Pattern FORMAT = Pattern.compile("[PCBU][0-3][0-9A-F]{3}");

    public TroubleCode {
        Objects.requireNonNull(code, "code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("not an SAE J2012 trouble code: " + code);
        }
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(drivable, "drivable");
        Objects.requireNonNull(title, "title");
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException(code + " has no recommended action");
        }
    }

    /**
     * Whether SAE J2012 defines the code (the same meaning for every manufacturer): second character 0,
     * and for powertrain codes also P2xxx and P34xx to P39xx; the other ranges are the manufacturers'.
     */
    public boolean generic() {
        char second = code.charAt(1);
        return second == '0' || code.charAt(0) == 'P' && (second == '2' || second == '3' && code.charAt(2) >= '4');
    }
}

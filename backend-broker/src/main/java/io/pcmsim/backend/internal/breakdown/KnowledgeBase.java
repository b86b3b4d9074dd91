package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.Severity;
import io.pcmsim.backend.internal.reference.TabSeparated;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live diagnosis's knowledge base: trouble codes read from a tab-separated file (the shipped one is
 * {@value #SHIPPED}, whose header explains the fields), and the diagnosis of a fault log with them.
 * Immutable and thread-safe.
 */
public final class KnowledgeBase {

    /** Class path resource of the shipped knowledge base of generic SAE J2012 codes. */
    public static final String SHIPPED = "/breakdown/sae-j2012-generic-codes.tsv";

    static final String READ_FAULT_MEMORY =
            "Workshop: read the fault memory, the code is not in the knowledge base";
    private static final int FIELDS = 6;
    private static final String FIELD_NAMES = "code, system, severity, drivable, title, actions";

    private final Map<String, TroubleCode> codes;

    private KnowledgeBase(Map<String, TroubleCode> codes) {
        this.codes = codes;
    }

    /** The shipped knowledge base. */
    public static KnowledgeBase shipped() {
        return of(TabSeparated.readResource(SHIPPED, FIELDS, FIELD_NAMES, KnowledgeBase::parse), SHIPPED);
    }

    /**
     * Reads a knowledge base in the shipped file's format.
     *
     * @param name the file's name, for error messages
     * @throws IllegalArgumentException naming the file and line of the first broken line
     */
    public static KnowledgeBase read(Reader source, String name) throws IOException {
        return of(TabSeparated.read(source, name, FIELDS, FIELD_NAMES, KnowledgeBase::parse), name);
    }

    private static KnowledgeBase of(List<TroubleCode> list, String name) {
        return new KnowledgeBase(TabSeparated.byKey(list, TroubleCode::code, name, "trouble code"));
    }

    private static TroubleCode parse(String[] fields) {
        Severity severity;
        try {
            severity = Severity.valueOf(fields[2].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity \"" + fields[2] + "\" is not one of "
                    + Arrays.toString(Severity.values()), e);
        }
        Drivability drivable;
        try {
            drivable = Drivability.parse(fields[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("drivable \"" + fields[3] + "\" is not one of yes, limited, no", e);
        }
        List<String> actions = Arrays.stream(fields[5].split("\\|")).map(String::trim).filter(a -> !a.isEmpty())
                .toList();
        return new TroubleCode(fields[0].trim(), fields[1].trim(), severity, drivable, fields[4].trim(), actions);
    }

    /** What the base knows of {@code code} (case-insensitive), if anything. */
    public Optional<TroubleCode> lookup(String code) {
        return Optional.ofNullable(codes.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** Number of codes known. */
    public int size() {
        return codes.size();
    }

    /**
     * Explains a car's fault log. Each entry's code is its first word when that is an SAE J2012 code
     * (upper or lower case); the car's own detail after it is kept in {@link FaultDiagnosis#entry()}.
     */
    public LiveDiagnosis diagnose(List<String> faultLog) {
        List<FaultDiagnosis> faults = new ArrayList<>(faultLog.size());
        Severity severity = Severity.LOW;
        Drivability drivable = Drivability.YES;
        boolean unknown = false;
        for (String entry : faultLog) {
            Optional<String> code = codeOf(entry);
            TroubleCode known = code.flatMap(this::lookup).orElse(null);
            faults.add(new FaultDiagnosis(entry, code, known));
            if (known == null) {
                unknown = true;
            } else {
                severity = severity.compareTo(known.severity()) >= 0 ? severity : known.severity();
                drivable = drivable.worst(known.drivable());
            }
        }
        Set<String> actions = new LinkedHashSet<>();
        faults.stream().filter(FaultDiagnosis::isKnown).map(FaultDiagnosis::known)
                .sorted(Comparator.comparing(TroubleCode::severity).reversed())
                .forEach(c -> actions.addAll(c.actions()));
        if (unknown) {
            actions.add(READ_FAULT_MEMORY);
        }
        return new LiveDiagnosis(faults, severity, drivable, List.copyOf(actions));
    }

    private static Optional<String> codeOf(String entry) {
        String first = entry.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return TroubleCode.FORMAT.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }
}

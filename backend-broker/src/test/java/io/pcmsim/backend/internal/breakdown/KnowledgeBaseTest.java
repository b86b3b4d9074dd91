package io.pcmsim.backend.internal.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.backend.Severity;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    private final KnowledgeBase base = KnowledgeBase.shipped();

    @Test
    void shipsAtLeastFiftyGenericCodesEachWithAnAction() {
        assertThat(base.size()).isGreaterThanOrEqualTo(50);
        assertThat(base.lookup("P0301")).hasValueSatisfying(code -> {
            assertThat(code.title()).isEqualTo("Cylinder 1 Misfire Detected");
            assertThat(code.generic()).isTrue();
            assertThat(code.severity()).isEqualTo(Severity.HIGH);
            assertThat(code.drivable()).isEqualTo(Drivability.LIMITED);
            assertThat(code.actions()).isNotEmpty();
        });
        assertThat(base.lookup("p0524")).map(TroubleCode::drivable).hasValue(Drivability.NO);
    }

    @Test
    void everyShippedCodeIsGeneric() throws Exception {
        for (String line : new String(KnowledgeBase.class.getResourceAsStream(KnowledgeBase.SHIPPED).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String code = line.split("\t")[0];
                assertThat(base.lookup(code)).as(code).hasValueSatisfying(c -> assertThat(c.generic()).isTrue());
            }
        }
    }

    @Test
    void genericRangesAreTheOnesSaeJ2012Defines() {
        assertThat(code("P0301").generic()).isTrue();
        assertThat(code("P2135").generic()).isTrue();
        assertThat(code("P3400").generic()).isTrue();
        assertThat(code("U0100").generic()).isTrue();
        assertThat(code("P1234").generic()).isFalse();
        assertThat(code("P3000").generic()).isFalse();
        assertThat(code("U1000").generic()).isFalse();
        assertThat(code("C2000").generic()).isFalse();
    }

    private static TroubleCode code(String code) {
        return new TroubleCode(code, "s", Severity.LOW, Drivability.YES, "t", List.of("a"));
    }

    @Test
    void diagnosisTakesTheWorstSeverityAndDrivabilityAndOrdersActionsBySeverity() {
        LiveDiagnosis diagnosis = base.diagnose(List.of("P0442 evap small leak", "P0524 oil pressure low",
                "P0301 cylinder 1 misfire"));

        assertThat(diagnosis.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(diagnosis.drivable()).isEqualTo(Drivability.NO);
        assertThat(diagnosis.recommendedActions().get(0))
                .isEqualTo(base.lookup("P0524").orElseThrow().actions().get(0));
        assertThat(diagnosis.recommendedActions()).last()
                .isEqualTo(base.lookup("P0442").orElseThrow().actions().get(1));
        assertThat(diagnosis.faults()).extracting(FaultDiagnosis::entry)
                .containsExactly("P0442 evap small leak", "P0524 oil pressure low", "P0301 cylinder 1 misfire");
        assertThat(diagnosis.unknown()).isEmpty();
    }

    @Test
    void unknownAndMalformedEntriesAskForTheFaultMemoryWithoutChangingTheVerdict() {
        LiveDiagnosis diagnosis = base.diagnose(List.of("P1234 manufacturer specific", "misfire somewhere", ""));

        assertThat(diagnosis.severity()).isEqualTo(Severity.LOW);
        assertThat(diagnosis.drivable()).isEqualTo(Drivability.YES);
        assertThat(diagnosis.recommendedActions()).containsExactly(KnowledgeBase.READ_FAULT_MEMORY);
        assertThat(diagnosis.faults()).extracting(FaultDiagnosis::code)
                .containsExactly(java.util.Optional.of("P1234"), java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(diagnosis.unknown()).hasSize(3);
    }

    @Test
    void sharedActionsAppearOnce() {
        LiveDiagnosis diagnosis = base.diagnose(List.of("P0442", "P0456", "p0442 again"));

        assertThat(diagnosis.recommendedActions()).doesNotHaveDuplicates();
        assertThat(diagnosis.faults()).allMatch(FaultDiagnosis::isKnown);
    }

    @Test
    void emptyFaultLogGivesNoAction() {
        LiveDiagnosis diagnosis = base.diagnose(List.of());

        assertThat(diagnosis.severity()).isEqualTo(Severity.LOW);
        assertThat(diagnosis.drivable()).isEqualTo(Drivability.YES);
        assertThat(diagnosis.recommendedActions()).isEmpty();
    }

    @Test
    void brokenLinesAreNamedByFileAndLine() {
        assertThatThrownBy(() -> read("# header\nP0301\tignition\tHIGH\tlimited\tMisfire\n"))
                .hasMessage("kb.tsv:2: expected 6 tab-separated fields (code, system, severity, drivable, title, actions), found 5");
        assertThatThrownBy(() -> read("P0301\tignition\tURGENT\tlimited\tMisfire\tStop\n"))
                .hasMessage("kb.tsv:1: severity \"URGENT\" is not one of [LOW, MEDIUM, HIGH, CRITICAL]");
        assertThatThrownBy(() -> read("P0301\tignition\tHIGH\tmaybe\tMisfire\tStop\n"))
                .hasMessage("kb.tsv:1: drivable \"maybe\" is not one of yes, limited, no");
        assertThatThrownBy(() -> read("X0301\tignition\tHIGH\tno\tMisfire\tStop\n"))
                .hasMessage("kb.tsv:1: not an SAE J2012 trouble code: X0301");
        assertThatThrownBy(() -> read("P0301\tignition\tHIGH\tno\tMisfire\t | \n"))
                .hasMessage("kb.tsv:1: P0301 has no recommended action");
        assertThatThrownBy(() -> read("P0301\ta\tHIGH\tno\tt\tx\n\nP0301\ta\tLOW\tyes\tt\ty\n"))
                .hasMessage("kb.tsv: trouble code P0301 is listed twice");
    }

    private static KnowledgeBase read(String text) throws Exception {
        return KnowledgeBase.read(new StringReader(text), "kb.tsv");
    }
}

package io.pcmsim.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptorBudgetTest {

    private final DescriptorBudget budget = new DescriptorBudget(1_000, 50);

    @Test
    void needed_countsTwoPerCarPlusMarginPlusWhatIsOpen() {
        assertThat(budget.needed(400)).isEqualTo(50 + 800 + 100);
        assertThat(budget.needed(Integer.MAX_VALUE)).as("no overflow").isEqualTo(50 + 2L * Integer.MAX_VALUE + 100);
    }

    @Test
    void maxVehicles_isWhatFitsAfterMarginAndOpen() {
        assertThat(budget.maxVehicles()).isEqualTo(425);
        assertThat(new DescriptorBudget(100, 50).maxVehicles()).isZero();
    }

    @Test
    void refusal_whenFleetFits_isNone() {
        assertThat(budget.refusal(425)).isEmpty();
    }

    @Test
    void refusal_whenFleetTooLarge_namesLimitAndNeed() {
        assertThat(budget.refusal(426)).hasValue("426 cars need about 1002 file descriptors (2 per car, 100 for"
                + " broker, backend, database and JVM, 50 open now), but this process may open only 1000"
                + " (ulimit -n); use at most --vehicles 425 or raise the limit");
    }

    @Test
    void ofThisProcess_onUnix_readsALimitAboveWhatIsOpen() {
        DescriptorBudget.ofThisProcess().ifPresent(b -> assertThat(b.limit()).isGreaterThan(b.open()));
    }
}

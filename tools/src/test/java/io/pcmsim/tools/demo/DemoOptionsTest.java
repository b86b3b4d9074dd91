package io.pcmsim.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    private static DemoOptions options(int vehicles, double fraction, double speed) {
        return new DemoOptions(vehicles, Duration.ofSeconds(30), speed, 1, fraction, 0, 5, Duration.ofHours(1),
                Optional.empty());
    }

    @Test
    void privacyVehicles_roundsTheFraction() {
        assertThat(options(50, 0.2, 3600).privacyVehicles()).isEqualTo(10);
        assertThat(options(3, 0.5, 3600).privacyVehicles()).isEqualTo(2);
        assertThat(options(10, 0, 3600).privacyVehicles()).isZero();
    }

    @Test
    void constructor_whenOutOfRange_namesOptionAndValue() {
        assertThatThrownBy(() -> options(0, 0.2, 3600)).hasMessage("--vehicles must be at least 1, was 0");
        assertThatThrownBy(() -> options(5, 1.5, 3600)).hasMessage("--privacy-fraction must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> options(5, 0.2, -1)).hasMessage("--speed must be a number above 0, was -1.0");
    }
}

package io.pcmsim.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @Test
    void parse_whenUnitsGiven_addsThemUp() {
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationConverter.parse(" 2M ")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void parse_whenIso_readsIso() {
        assertThat(DurationConverter.parse("PT45S")).isEqualTo(Duration.ofSeconds(45));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "s", "30x", "1h 30m", "-5s", "P", "abc30s"})
    void parse_whenNotADuration_explainsTheFormat(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "' is not a duration")
                .hasMessageContaining("30s");
    }
}

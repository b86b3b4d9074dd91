package io.pcmsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VinTest {

    @ParameterizedTest
    @ValueSource(strings = {"WP0ZZZ99ZTS392124", "WP1ZZZ9YZLDA12345", "1M8GDM9AXKP042788", "11111111111111111"})
    void of_whenValid_keepsValue(String text) {
        assertThat(Vin.of(text).value()).isEqualTo(text);
        assertThat(Vin.isValid(text)).isTrue();
    }

    @Test
    void of_whenTooShort_namesValueAndLength() {
        assertThatThrownBy(() -> Vin.of("WP0ZZZ99ZS"))
                .isInstanceOf(InvalidVinException.class)
                .hasMessage("VIN [WP0ZZZ99ZS] must have 17 characters, had 10");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Q', 'a', '-', ' '})
    void of_whenForbiddenCharacter_namesCharacterAndPosition(char bad) {
        String text = "WP0ZZZ99ZTS39212" + bad;
        assertThatThrownBy(() -> Vin.of(text))
                .isInstanceOf(InvalidVinException.class)
                .hasMessageContaining("[" + text + "]")
                .hasMessageContaining("'" + bad + "' at position 17")
                .hasMessageContaining("except I, O and Q");
    }

    @Test
    void of_whenNorthAmericanCheckDigitWrong_namesExpectedDigit() {
        assertThatThrownBy(() -> Vin.of("1M8GDM9A1KP042788"))
                .isInstanceOf(InvalidVinException.class)
                .hasMessage("VIN [1M8GDM9A1KP042788] has check digit '1' at position 9, "
                        + "the region of WMI 1M8 requires 'X'");
    }

    @Test
    void of_whenEuropean_doesNotRequireCheckDigit() {
        assertThat(Vin.isValid("WP0ZZZ99Z1S392124")).isTrue();
        assertThat(Vin.usesCheckDigit("WP0ZZZ99Z1S392124")).isFalse();
    }

    @Test
    void checkDigit_forKnownVin_matchesPublishedExample() {
        // 49 CFR 565 worked example
        assertThat(Vin.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
        assertThat(Vin.checkDigit("11111111111111111")).isEqualTo('1');
    }

    @Test
    void of_whenNull_throwsWithMessage() {
        assertThatThrownBy(() -> Vin.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("VIN must not be null");
        assertThat(Vin.isValid(null)).isFalse();
    }
}

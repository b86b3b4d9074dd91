package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.model.ModelLine;
import io.pcmsim.vehicle.model.ModelYears;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class VinGeneratorTest {

    @Test
    void generate_thousandVins_allValidAndUnique() {
        List<Vin> vins = new VinGenerator(42).generate(1_000);

        assertThat(vins).hasSize(1_000);
        assertThat(new HashSet<>(vins)).hasSize(1_000);
        assertThat(vins).allSatisfy(vin -> assertThat(Vin.isValid(vin.value())).isTrue());
    }

    @Test
    void generate_sameSeed_sameVins() {
        assertThat(new VinGenerator(7).generate(50)).isEqualTo(new VinGenerator(7).generate(50));
    }

    @Test
    void generate_differentSeeds_differentVins() {
        assertThat(new VinGenerator(7).generate(50)).isNotEqualTo(new VinGenerator(8).generate(50));
    }

    @Test
    void generate_fleet_mostlyEuropeanPorscheWmisSomeNorthAmericanWithCheckDigit() {
        List<Vin> vins = new VinGenerator(3).generate(500);

        long european = vins.stream().filter(v -> v.wmi().equals("WP0") || v.wmi().equals("WP1")).count();
        List<Vin> northAmerican = vins.stream().filter(v -> Vin.usesCheckDigit(v.value())).toList();
        assertThat(european).isGreaterThan(350);
        assertThat(northAmerican).hasSizeGreaterThan(25);
        assertThat(northAmerican).allSatisfy(v -> {
            assertThat(v.value().charAt(0)).isBetween('1', '5');
            assertThat(v.value().charAt(8)).isEqualTo(Vin.checkDigit(v.value()));
        });
        assertThat(european + northAmerican.size()).isEqualTo(vins.size());
    }

    @Test
    void generate_anyVin_encodesModelLineModelYearAndSerial() {
        for (Vin vin : new VinGenerator(11).generate(200)) {
            assertThat(ModelLine.fromVin(vin)).isPresent();
            assertThat(ModelYears.of(vin).orElseThrow()).isBetween(2016, 2025);
            assertThat(ModelLine.fromVin(vin).orElseThrow().plantCodes()).contains(vin.value().substring(10, 11));
            assertThat(vin.value().substring(11)).matches("[0-9]{6}");
        }
    }

    @Test
    void constructor_shareOutOfRange_throwsNamingValue() {
        assertThatThrownBy(() -> new VinGenerator(1, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }
}

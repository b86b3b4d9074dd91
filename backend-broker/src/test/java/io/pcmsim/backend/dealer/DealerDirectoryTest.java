package io.pcmsim.backend.dealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DealerDirectoryTest {

    private static final GeoPosition STUTTGART_CENTRE = new GeoPosition(48.7758, 9.1829);
    private final DealerDirectory sample = DealerDirectory.sample();

    @Test
    void sampleHasDealersWithUniqueIdsAndPositions() {
        assertThat(sample.all()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(sample.byId("hamburg")).hasValueSatisfying(d -> {
            assertThat(d.name()).isEqualTo("Autohaus Hamburg Elbe");
            assertThat(d.country()).isEqualTo("DE");
            assertThat(d.position().latitude()).isEqualTo(53.5511);
        });
        assertThat(sample.byId("nowhere")).isEmpty();
    }

    @Test
    void nearestDealersAreOrderedByDistance() {
        assertThat(sample.nearest(STUTTGART_CENTRE, 3)).extracting(Dealer::id)
                .containsExactly("stuttgart-zuffenhausen", "stuttgart-vaihingen", "karlsruhe");
        assertThat(sample.nearest(new GeoPosition(47.4, 8.5), 1)).extracting(Dealer::id).containsExactly("zurich");
        assertThat(sample.nearest(STUTTGART_CENTRE, 0)).isEmpty();
        assertThat(sample.nearest(STUTTGART_CENTRE, 1000)).hasSameSizeAs(sample.all());
    }

    @Test
    void distanceIsTheGreatCircleDistance() {
        GeoPosition munich = new GeoPosition(48.1374, 11.5755);
        GeoPosition berlin = new GeoPosition(52.5200, 13.4050);
        assertThat(munich.distanceKm(berlin)).isCloseTo(504, within(3.0));
        assertThat(berlin.distanceKm(berlin)).isZero();
        assertThat(new GeoPosition(0, 179.9).distanceKm(new GeoPosition(0, -179.9))).isCloseTo(22.2, within(0.1));
    }

    @Test
    void brokenLinesAreNamedByFileAndLine() {
        assertThatThrownBy(() -> read("a\tA\ts\tc\tDE\tnorth\t9\tp\n"))
                .hasMessage("d.tsv:1: latitude \"north\" is not a number of degrees");
        assertThatThrownBy(() -> read("# x\na\tA\ts\tc\tDE\t91\t9\tp\n"))
                .hasMessage("d.tsv:2: latitude 91.0 is outside -90..90");
        assertThatThrownBy(() -> read("Bad Id\tA\ts\tc\tDE\t1\t9\tp\n"))
                .hasMessage("d.tsv:1: dealer id \"Bad Id\" must be lower case letters, digits and dashes");
        assertThatThrownBy(() -> read("a\tA\ts\tc\tGermany\t1\t9\tp\n"))
                .hasMessage("d.tsv:1: country \"Germany\" is not an ISO 3166-1 alpha-2 code");
        assertThatThrownBy(() -> read("a\tA\ts\tc\tDE\t1\t9\n"))
                .hasMessage("d.tsv:1: expected 8 tab-separated fields (id, name, street, city, country, latitude, "
                        + "longitude, phone), found 7");
        assertThatThrownBy(() -> read("a\tA\ts\tc\tDE\t1\t9\tp\na\tB\ts\tc\tDE\t1\t9\tp\n"))
                .hasMessage("d.tsv: dealer a is listed twice");
    }

    private static DealerDirectory read(String text) throws Exception {
        return DealerDirectory.read(new StringReader(text), "d.tsv");
    }
}

package io.pcmsim.vehicle.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.vehicle.fleet.FleetConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmulatedCarsBuilderTest {

    @ParameterizedTest
    @CsvSource({
        "tcp://localhost:1883, localhost, 1883, false",
        "tcp://broker.example, broker.example, 1883, false",
        "ssl://broker.example, broker.example, 8883, true",
        "SSL://broker.example:9883, broker.example, 9883, true",
        "127.0.0.1:1884, 127.0.0.1, 1884, false",
        "tcp://[::1]:1883, ::1, 1883, false"
    })
    void brokerUrl_acceptedForms_giveHostPortAndTls(String url, String host, int port, boolean tls) {
        assertThat(BrokerUrl.parse(url)).isEqualTo(new BrokerUrl(host, port, tls));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1883", "tcp://localhost:1883/path", "tcp://", "", "tcp://host:99999",
        "tcp://host:0", "tcp://a b:1883"})
    void brokerUrl_unusable_isRefusedNamingIt(String url) {
        assertThatThrownBy(() -> EmulatedCars.against(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker");
    }

    @Test
    void build_badValues_areRefusedNamingTheValue() {
        EmulatedCars.Builder builder = EmulatedCars.against("tcp://localhost:1883");

        assertThatThrownBy(() -> builder.vehicles(0).build()).hasMessage("vehicles must be at least 1, was 0");
        assertThatThrownBy(() -> builder.vehicles(1).speed(-1).build()).hasMessage("speed must be a number above 0, was -1.0");
        assertThatThrownBy(() -> builder.speed(1).history(-1).build()).hasMessage("history must be 0 to 100000, was -1");
        assertThatThrownBy(() -> builder.history(1).connectTimeout(Duration.ZERO).build())
                .hasMessage("connectTimeout must be positive, was PT0S");
    }

    @Test
    void fleetConfig_historyIsOffByDefaultAndBounded() {
        assertThat(FleetConfig.builder().build().historyCapacity()).isZero();
        assertThat(FleetConfig.builder().history(FleetConfig.MAX_HISTORY).build().historyCapacity())
                .isEqualTo(100_000);
        assertThatThrownBy(() -> FleetConfig.builder().history(100_001).build())
                .hasMessage("historyCapacity must be 0 (no history) to 100000, was 100001");
    }

    @Test
    void build_connectsNothing_andSaysWhatItRuns() {
        EmulatedCars cars = EmulatedCars.against("tcp://localhost:1883").vehicles(3).seed(9).perTest().build();

        assertThat(cars).hasToString("EmulatedCars[3 cars against tcp://localhost:1883, seed 9, fresh for each test]");
        assertThatThrownBy(cars::vehicles).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }
}

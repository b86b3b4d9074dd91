package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.SmartServiceState;
import io.pcmsim.backend.VehicleStatus;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.proto.v1.Powertrain;
import io.pcmsim.proto.v1.VehicleState;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.e2e.UplinkCapture.Captured;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.model.Fault;
import io.pcmsim.vehicle.model.ProfileChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Battery-electric cars on the embedded broker: their reports carry no oil readings, and a fault's codes and
 * warning reach the backend's vehicle status, until a workshop visit clears them.
 */
class VehicleProfilesIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;

    private RunningSystem system;

    @AfterEach
    void tearDown() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(120)
    void batteryElectricFleet_noOilOnTheWire_aFaultsCodesReachTheVehicleStatus() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2027-03-01T06:00:00Z"), 600);
        system = RunningSystem.start(BROKER.host(), BROKER.port(), dataDir, clock, fleet -> fleet
                .vehicles(3).seed(6_06).profiles(ProfileChoice.parse("battery-electric/commuter"))
                .reportInterval(Duration.ofMinutes(30)));
        Backend backend = system.backend;
        EmulatedVehicle car = system.fleet.vehicles().get(0);
        Vin vin = car.vin();
        await().atMost(Duration.ofSeconds(60)).until(() -> smartService(backend, vin) != null);

        SmartServiceState first = smartService(backend, vin);
        assertThat(first.powertrain()).contains("battery-electric");
        assertThat(first.modelCode()).contains("Y1A");
        assertThat(first.state().engineOilLifePercent()).isEmpty();
        assertThat(first.state().more().engineOilLevelPercent()).isEmpty();
        assertThat(first.state().more().highVoltageBatteryHealthPercent()).isPresent();

        car.injectFault(Fault.HV_ISOLATION).get(10, TimeUnit.SECONDS);
        car.requestReport().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            VehicleStatus status = backend.vehicleStatus(vin).orElseThrow();
            assertThat(status.smartService().orElseThrow().state().dtcs()).contains("P0AA6");
            assertThat(status.smartService().orElseThrow().state().more().warnings()).contains("W-HV-SYSTEM");
            assertThat(status.needs()).extracting(MaintenanceNeed::component).contains(Component.DIAGNOSTIC_TROUBLE_CODES);
        });

        car.visitWorkshop().get(10, TimeUnit.SECONDS);
        car.requestReport().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            VehicleStatus status = backend.vehicleStatus(vin).orElseThrow();
            assertThat(status.smartService().orElseThrow().state().dtcs()).isEmpty();
            assertThat(status.needs()).extracting(MaintenanceNeed::component)
                    .doesNotContain(Component.DIAGNOSTIC_TROUBLE_CODES);
        });

        List<Captured> reports = system.capture.all().stream().filter(c -> c.envelope().hasSmartService()).toList();
        assertThat(reports).hasSizeGreaterThanOrEqualTo(3 * 2);
        assertThat(reports).allSatisfy(c -> {
            VehicleState state = c.envelope().getSmartService().getState();
            assertThat(state.hasEngineOilLifePercent()).isFalse();
            assertThat(state.hasEngineOilLevelPercent()).isFalse();
            assertThat(state.hasHighVoltageBatteryStateOfChargePercent()).isTrue();
            assertThat(c.envelope().getSmartService().getPowertrain()).isEqualTo(Powertrain.POWERTRAIN_BATTERY_ELECTRIC);
        });
    }

    private static SmartServiceState smartService(Backend backend, Vin vin) {
        return backend.vehicleStatus(vin).flatMap(VehicleStatus::smartService).orElse(null);
    }
}

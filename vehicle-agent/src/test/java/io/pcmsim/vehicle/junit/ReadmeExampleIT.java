package io.pcmsim.vehicle.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.SentUplink;
import io.pcmsim.vehicle.testing.MosquittoOnLocalhost;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's example of {@link EmulatedCars}, run against Mosquitto on localhost:1883. The region between
 * the markers is the README's code block, character for character ({@link ReadmeExampleTest} checks it).
 */
@ExtendWith(MosquittoOnLocalhost.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadmeExampleIT {

    // README example start
    @RegisterExtension
    static EmulatedCars cars = EmulatedCars.against("tcp://localhost:1883").vehicles(5).seed(42).build();

    @Test
    void carsReportToOurBroker(Fleet fleet, @Car(1) EmulatedVehicle car) throws Exception {
        assertThat(fleet.stats().online()).isEqualTo(5);

        car.sendSmartServiceReport().get(10, TimeUnit.SECONDS);   // acknowledged by the broker

        List<SentUplink> reports = car.history().sent(Service.SMART_SERVICE);
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).envelope().getSmartService().getModelYear())
                .isEqualTo(car.profile().modelYear());
    }

    @Test
    void privacyMode_carSendsNothing(EmulatedVehicle car) throws Exception {
        car.setPrivacyMode(true).get(10, TimeUnit.SECONDS);
        long sentBefore = car.history().sentTotal();

        car.sendSmartServiceReport().get(10, TimeUnit.SECONDS);   // held back in the car

        assertThat(car.history().sentTotal()).isEqualTo(sentBefore);
        car.setPrivacyMode(false).get(10, TimeUnit.SECONDS);
    }
    // README example end
}

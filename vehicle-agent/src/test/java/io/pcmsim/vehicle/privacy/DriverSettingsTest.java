package io.pcmsim.vehicle.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverSettingsTest {

    @Test
    void defaults_everyServiceAllowed() {
        for (Service service : Service.values()) {
            assertThat(DriverSettings.defaults().allows(service)).isTrue();
        }
    }

    @Test
    void login_whenOneGroupIsOff_allowedWhileAnotherServiceIs() {
        DriverSettings off = DriverSettings.defaults().withServiceGroup(ServiceGroup.WITHOUT_LOCATION, false);

        assertThat(off.allows(Service.LOGIN)).isTrue();
        assertThat(off.allows(Service.SMART_SERVICE)).isFalse();
        assertThat(off.allows(Service.BREAKDOWN)).isTrue();
    }

    @Test
    void login_whenEveryServiceIsOff_blocked() {
        DriverSettings off = DriverSettings.defaults().withServiceGroup(ServiceGroup.WITHOUT_LOCATION, false)
                .withService(Service.BREAKDOWN, false);

        assertThat(off.anyServiceAllowed()).isFalse();
        assertThat(off.allows(Service.LOGIN)).isFalse();
    }

    @Test
    void groupWithLocation_whenOff_blocksOnlyBreakdown() {
        DriverSettings off = DriverSettings.defaults().withServiceGroup(ServiceGroup.WITH_LOCATION, false);

        assertThat(off.allows(Service.BREAKDOWN)).isFalse();
        assertThat(off.allows(Service.SMART_SERVICE)).isTrue();
    }

    @Test
    void withServiceGroup_reEnabled_allowsAgain() {
        DriverSettings s = DriverSettings.defaults().withServiceGroup(ServiceGroup.WITH_LOCATION, false)
                .withServiceGroup(ServiceGroup.WITH_LOCATION, true);

        assertThat(s).isEqualTo(DriverSettings.defaults());
    }
}

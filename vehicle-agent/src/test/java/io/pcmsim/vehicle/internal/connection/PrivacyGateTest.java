package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.vehicle.internal.service.SettingsChange;
import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivacyGateTest {

    private final List<Service> suppressed = new ArrayList<>();
    private final PrivacyGate gate = new PrivacyGate(DriverSettings.defaults(), suppressed::add);

    @Test
    void apply_privacyModeOnThenOff_reportsBlockedAndUnblockedServices() {
        SettingsChange on = gate.apply(DriverSettings.defaults().withPrivacyMode(true));
        assertThat(on.blocked()).containsExactlyInAnyOrder(Service.values());
        assertThat(gate.admit(Service.SMART_SERVICE)).isFalse();
        assertThat(gate.allowsAny()).isFalse();

        SettingsChange off = gate.apply(DriverSettings.defaults());
        assertThat(off.unblocked()).containsExactlyInAnyOrder(Service.values());
        assertThat(gate.admit(Service.SMART_SERVICE)).isTrue();
        assertThat(gate.allowsAny()).isTrue();
        assertThat(suppressed).containsExactly(Service.SMART_SERVICE);
    }

    @Test
    void blockedSince_blockBeganAfterAdmission_isTrueEvenWhenUnblockedAgain() {
        long admitted = gate.epoch();
        gate.apply(DriverSettings.defaults().withService(Service.SMART_SERVICE, false));
        gate.apply(DriverSettings.defaults());

        assertThat(gate.blockedSince(Service.SMART_SERVICE, admitted)).isTrue();
        assertThat(gate.blockedSince(Service.BREAKDOWN, admitted)).isFalse();
        assertThat(gate.blockedSince(Service.SMART_SERVICE, gate.epoch())).isFalse();
    }

    @Test
    void allowsAny_oneServiceLeft_isTrue() {
        DriverSettings onlyBreakdown = DriverSettings.defaults();
        for (Service service : Service.values()) {
            onlyBreakdown = onlyBreakdown.withService(service, service == Service.BREAKDOWN);
        }
        gate.apply(onlyBreakdown);

        assertThat(gate.allowsAny()).isTrue();
        gate.apply(onlyBreakdown.withService(Service.BREAKDOWN, false));
        assertThat(gate.allowsAny()).isFalse();
    }
}

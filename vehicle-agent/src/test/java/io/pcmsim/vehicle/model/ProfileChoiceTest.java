package io.pcmsim.vehicle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileChoiceTest {

    @Test
    void parse_aPowertrainADrivingProfileOrBoth() {
        assertThat(ProfileChoice.parse("battery-electric")).isEqualTo(new ProfileChoice(Powertrain.BATTERY_ELECTRIC, null));
        assertThat(ProfileChoice.parse("rarely-driven")).isEqualTo(new ProfileChoice(null, DrivingProfile.RARELY_DRIVEN));
        assertThat(ProfileChoice.parse(" Plug-In-Hybrid/Long-Distance "))
                .isEqualTo(new ProfileChoice(Powertrain.PLUG_IN_HYBRID, DrivingProfile.LONG_DISTANCE));
        assertThat(ProfileChoice.parse("any")).isEqualTo(ProfileChoice.ANY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"combustion", "plug-in-hybrid", "battery-electric", "commuter", "sporty", "long-distance",
            "rarely-driven", "combustion/sporty", "any"})
    void parse_toString_readsBack(String name) {
        assertThat(ProfileChoice.parse(name).toString()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"diesel", "sporty/combustion", "combustion/", "", "battery-electric/sunday"})
    void parse_anUnknownName_listsTheValidNames(String name) {
        assertThatThrownBy(() -> ProfileChoice.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile [" + name + "] is unknown; use a powertrain (combustion, plug-in-hybrid, "
                        + "battery-electric), a driving profile (commuter, sporty, long-distance, rarely-driven) or "
                        + "POWERTRAIN/DRIVING, e.g. battery-electric/commuter");
    }

    @Test
    void generate_aVinOfALineNotBuiltWithTheForcedPowertrain_isRefused() {
        assertThatThrownBy(() -> VehicleProfiles.generate(io.pcmsim.protocol.Vin.of("WP0ZZZ99ZKS123456"), 1,
                Cars.START, ProfileChoice.parse("battery-electric")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names a P911 (model code 992), which is not built as battery-electric")
                .hasMessageContaining("[TAYCAN] (VIN model codes [Y1])");
    }
}

package io.pcmsim.backend.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.MapIdentities;
import org.junit.jupiter.api.Test;

class TopicPolicyTest {

    private static final String VIN = "WP0ZZZ99ZTS392124";
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String CAR_MAP = MapIdentities.newCarMapClientId();

    @Test
    void provider_reachesMapsOnly() {
        assertThat(TopicPolicy.maySubscribe(MapIdentities.PROVIDER, "maps/v1/+/query")).isTrue();
        assertThat(TopicPolicy.mayPublish(MapIdentities.PROVIDER + "-backend", "maps/v1/" + KEY + "/answer")).isTrue();
        assertThat(TopicPolicy.maySubscribe(MapIdentities.PROVIDER, "pcm/v1/#")).isFalse();
        assertThat(TopicPolicy.maySubscribe(MapIdentities.PROVIDER, "#")).isFalse();
        assertThat(TopicPolicy.maySubscribe(MapIdentities.PROVIDER, "$share/g/pcm/v1/vehicles/+/up/+")).isFalse();
        assertThat(TopicPolicy.mayPublish(MapIdentities.PROVIDER, "pcm/v1/vehicles/" + VIN + "/down/map")).isFalse();
    }

    @Test
    void vinConnection_reachesNothingBelowMaps() {
        assertThat(TopicPolicy.maySubscribe(VIN, "pcm/v1/vehicles/" + VIN + "/down/#")).isTrue();
        assertThat(TopicPolicy.mayPublish(VIN, "pcm/v1/vehicles/" + VIN + "/up/map")).isTrue();
        assertThat(TopicPolicy.maySubscribe(VIN, "maps/#")).isFalse();
        assertThat(TopicPolicy.maySubscribe(VIN, "#")).isFalse();
        assertThat(TopicPolicy.maySubscribe(VIN, "+/v1/" + KEY + "/answer")).isFalse();
        assertThat(TopicPolicy.mayPublish(VIN, "maps/v1/" + KEY + "/query")).isFalse();
    }

    @Test
    void carMapConnection_reachesItsKeyTopicsOnly() {
        assertThat(TopicPolicy.mayPublish(CAR_MAP, "maps/v1/" + KEY + "/query")).isTrue();
        assertThat(TopicPolicy.mayPublish(CAR_MAP, "maps/v1/" + KEY + "/installed")).isTrue();
        assertThat(TopicPolicy.maySubscribe(CAR_MAP, "maps/v1/" + KEY + "/answer")).isTrue();
        assertThat(TopicPolicy.maySubscribe(CAR_MAP, "maps/v1/" + KEY + "/package")).isTrue();
        assertThat(TopicPolicy.maySubscribe(CAR_MAP, "maps/v1/+/package")).isFalse();
        assertThat(TopicPolicy.maySubscribe(CAR_MAP, "maps/#")).isFalse();
        assertThat(TopicPolicy.mayPublish(CAR_MAP, "maps/v1/" + KEY + "/answer")).isFalse();
        assertThat(TopicPolicy.mayPublish(CAR_MAP, "pcm/v1/vehicles/" + VIN + "/up/map")).isFalse();
    }

    @Test
    void otherClients_areNotRestricted() {
        assertThat(TopicPolicy.maySubscribe("pcmsim-backend", "$share/backend/pcm/v1/vehicles/+/up/+")).isTrue();
        assertThat(TopicPolicy.maySubscribe("pcmsim-tap", "#")).isTrue();
    }
}

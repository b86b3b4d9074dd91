package io.pcmsim.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.Vin;
import org.junit.jupiter.api.Test;

class PrivacyWindowsTest {

    private static final Vin CAR = Vin.of("WP0ZZZ99ZTS392124");
    private static final Vin OTHER = Vin.of("WP0ZZZ99ZTS392125");
    private static final String UP = "pcm/v1/vehicles/" + CAR + "/up/smart-service";

    private final PrivacyWindows windows = new PrivacyWindows();

    @Test
    void onPublish_whenWindowOpen_countsForThatCarOnly() {
        windows.open(CAR);
        windows.onPublish(CAR.value(), UP);
        windows.onPublish(OTHER.value(), "pcm/v1/vehicles/" + OTHER + "/up/smart-service");

        assertThat(windows.receivedWhilePrivate()).isEqualTo(1);
        assertThat(windows.offenders()).containsExactly(CAR.value());
        assertThat(windows.uplinkPublishes()).isEqualTo(2);
        assertThat(windows.foreignPublishesOnCarTopics()).isZero();
    }

    @Test
    void onPublish_afterWindowClosed_doesNotCount() {
        windows.open(CAR);
        windows.close(CAR);
        windows.onPublish(CAR.value(), UP);

        assertThat(windows.receivedWhilePrivate()).isZero();
        assertThat(windows.vehiclesEverPrivate()).isEqualTo(1);
    }

    @Test
    void onPublish_whenNotAnUplinkTopic_isIgnored() {
        windows.open(CAR);
        windows.onPublish(CAR.value(), "pcm/v1/vehicles/" + CAR + "/status");

        assertThat(windows.receivedWhilePrivate()).isZero();
        assertThat(windows.uplinkPublishes()).isZero();
    }

    @Test
    void onPublish_whenClientIdPrivateButTopicNamesOtherVin_stillCounts() {
        windows.open(CAR);
        windows.onPublish(CAR.value(), "pcm/v1/vehicles/" + OTHER + "/up/login");

        assertThat(windows.receivedWhilePrivate()).isEqualTo(1);
        assertThat(windows.offenders()).containsExactly(CAR.value());
        assertThat(windows.foreignPublishesOnCarTopics()).isEqualTo(1);
    }

    @Test
    void onPublish_whenAnotherClientPublishesOnPrivateCarsTopic_countsItAsForeignNotAsViolation() {
        windows.open(CAR);
        windows.onPublish("someone-else", UP);
        windows.onPublish(OTHER.value(), UP);

        assertThat(windows.receivedWhilePrivate()).isZero();
        assertThat(windows.offenders()).isEmpty();
        assertThat(windows.foreignPublishesOnCarTopics()).isEqualTo(2);
        assertThat(windows.uplinkPublishes()).isEqualTo(2);
    }
}

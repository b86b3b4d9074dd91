package io.pcmsim.vehicle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.SentUplink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessageLogTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final MessageLog log = new MessageLog(3, Clock.fixed(NOW, ZoneOffset.UTC));

    private void send(long sequence) {
        Service service = sequence % 2 == 0 ? Service.LOGIN : Service.SMART_SERVICE;
        log.sent(service, Topics.uplink(VIN, service), new UplinkHeader(VIN, 7, sequence, NOW),
                UplinkEnvelope.getDefaultInstance());
    }

    @Test
    void sent_moreThanCapacity_keepsTheNewestOldestFirstAndCountsAll() {
        for (long sequence = 1; sequence <= 5; sequence++) {
            send(sequence);
        }

        assertThat(log.sent()).extracting(SentUplink::sequence).containsExactly(3L, 4L, 5L);
        assertThat(log.sentTotal()).isEqualTo(5);
        assertThat(log.sent(Service.SMART_SERVICE)).extracting(SentUplink::sequence).containsExactly(3L, 5L);
        assertThat(log.sent().get(0).sentAt()).isEqualTo(NOW);
        assertThat(log.sent().get(0).bootId()).isEqualTo(7);
        assertThat(log.received()).isEmpty();
    }

    @Test
    void received_moreThanCapacity_keepsTheNewestAndCountsAll() {
        for (int i = 0; i < 4; i++) {
            log.received(Service.SMART_SERVICE, DownlinkEnvelope.getDefaultInstance());
        }

        assertThat(log.received()).hasSize(3);
        assertThat(log.receivedTotal()).isEqualTo(4);
        assertThat(log.sentTotal()).isZero();
    }

    @Test
    void sent_returnsACopy_laterMessagesDoNotChangeIt() {
        send(1);
        var before = log.sent();

        send(2);

        assertThat(before).hasSize(1);
        assertThat(log.sent()).hasSize(2);
    }

    @Test
    void capacity_zero_isRefused() {
        assertThatThrownBy(() -> new MessageLog(0, Clock.systemUTC())).hasMessageContaining("capacity must be at least 1");
    }
}

package io.pcmsim.vehicle.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final Instant T = Instant.parse("2027-01-01T08:00:00Z");

    private static Uplink report(int second) {
        return Uplink.admitted(Service.SMART_SERVICE, T.plusSeconds(second), UplinkEnvelope.newBuilder()
                .setSmartService(SmartServiceReport.newBuilder().setTrigger(SmartServiceReport.Trigger.PERIODIC))
                .build(), 1);
    }

    private static Uplink breakdown(int second) {
        return Uplink.admitted(Service.BREAKDOWN, T.plusSeconds(second), UplinkEnvelope.newBuilder()
                .setBreakdown(BreakdownReport.newBuilder().setCallId("call-" + second)).build(), 1);
    }

    private static List<Instant> drain(Outbox outbox) {
        List<Instant> order = new ArrayList<>();
        for (Uplink next = outbox.poll(); next != null; next = outbox.poll()) {
            order.add(next.producedAt());
        }
        return order;
    }

    @Test
    void offer_keepsRoutineReportsInOrder_butABreakdownReportGoesFirst() {
        Outbox outbox = new Outbox(10);
        outbox.offer(report(1));
        outbox.offer(report(2));
        outbox.offer(breakdown(3));
        outbox.offer(report(4));

        assertThat(drain(outbox)).containsExactly(T.plusSeconds(3), T.plusSeconds(1), T.plusSeconds(2),
                T.plusSeconds(4));
    }

    @Test
    void offer_whenFull_dropsTheOldestRoutineReportToMakeRoomForABreakdownReport() {
        Outbox outbox = new Outbox(2);
        outbox.offer(report(1));
        outbox.offer(report(2));

        assertThat(outbox.offer(breakdown(3))).hasValueSatisfying(dropped ->
                assertThat(dropped.producedAt()).isEqualTo(T.plusSeconds(1)));
        assertThat(drain(outbox)).containsExactly(T.plusSeconds(3), T.plusSeconds(2));
    }
}

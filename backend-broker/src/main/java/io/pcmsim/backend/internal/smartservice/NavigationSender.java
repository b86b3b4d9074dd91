package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.dealer.Dealer;
import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.smartservice.Appointment;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.NavigationDestination;
import io.pcmsim.protocol.Vin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an appointment's dealer to the car as its navigation destination ({@code NavigationDestination} on
 * {@code down/smart-service}) and records the outcome in the appointment ({@code SENT} when the broker took
 * it, {@code FAILED} otherwise). Call only after the appointment is committed. Never blocks the caller.
 */
final class NavigationSender {

    private static final Logger LOG = LoggerFactory.getLogger(NavigationSender.class);

    private final DownlinkPublisher downlinks;
    private final Database database;

    NavigationSender(DownlinkPublisher downlinks, Database database) {
        this.downlinks = downlinks;
        this.database = database;
    }

    /** The destination for {@code dealer}. */
    static DownlinkEnvelope.Builder destination(String appointmentId, String requestId, Dealer dealer) {
        return DownlinkEnvelope.newBuilder().setNavigationDestination(NavigationDestination.newBuilder()
                .setAppointmentId(appointmentId).setRequestId(requestId).setDealerId(dealer.id())
                .setDealerName(dealer.name())
                .setAddress(dealer.street() + ", " + dealer.city() + ", " + dealer.country())
                .setLatitude(dealer.position().latitude()).setLongitude(dealer.position().longitude()));
    }

    /** Sends; completes when the outcome is recorded (never exceptionally). */
    CompletableFuture<Void> send(Vin vin, String appointmentId, String requestId, Dealer dealer) {
        CompletableFuture<String> sent;
        try {
            sent = downlinks.send(vin, destination(appointmentId, requestId, dealer));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handleAsync((id, error) -> {
            Appointment.Navigation outcome = error == null ? Appointment.Navigation.SENT : Appointment.Navigation.FAILED;
            if (error != null) {
                LOG.warn("navigation destination of appointment {} not sent to {}: {}", appointmentId, vin,
                        error.getMessage());
            }
            try {
                Tx.write(database, "record the navigation of appointment " + appointmentId,
                        c -> {
                            AppointmentRows.navigation(c, appointmentId, outcome);
                            return null;
                        });
            } catch (RuntimeException e) {
                LOG.warn("navigation outcome of appointment {} not recorded: {}", appointmentId, e.getMessage());
            }
            return null;
        }, ForkJoinPool.commonPool());
    }
}

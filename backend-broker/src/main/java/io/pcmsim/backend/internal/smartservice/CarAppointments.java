package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.dealer.Dealer;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.smartservice.Appointment;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.proto.v1.AppointmentRequest;
import io.pcmsim.protocol.Vin;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Appointment requests from cars ({@code AppointmentRequest}), in the batch's transaction: each becomes an
 * appointment for every open need of its car at the dealer it names, or else at the preferred dealer (one
 * SELECT for the batch), or a {@code REFUSED} appointment saying why. Requests are rare (a driver's action),
 * so each costs a few statements of its own. The appointment's id is derived from the message's key, so a
 * batch that is retried makes the same appointment.
 */
final class CarAppointments {

    /** A destination to send once the transaction holding its appointment committed. */
    record Navigation(Vin vin, String appointmentId, String requestId, Dealer dealer) {
    }

    private CarAppointments() {
    }

    /** @return the navigation destinations to send after the commit */
    static List<Navigation> store(Connection c, List<UplinkRecord> requests, DealerDirectory dealers, Instant now)
            throws SQLException {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, String> preferred = AppointmentRows.preferredDealers(c,
                requests.stream().map(r -> r.header().vin().value()).distinct().toList());
        List<Navigation> navigations = new ArrayList<>();
        for (UplinkRecord r : requests) {
            AppointmentRequest request = r.envelope().getAppointmentRequest();
            Vin vin = r.header().vin();
            String id = UUID.nameUUIDFromBytes((vin.value() + "/" + r.header().bootId() + "/" + r.header().sequence())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            String dealerId = request.getDealerId().isEmpty() ? preferred.get(vin.value()) : request.getDealerId();
            Optional<LocalDate> date = date(request.getPreferredDate());
            String note = request.getPreferredDate().isEmpty() || date.isPresent() ? ""
                    : "preferred date [" + request.getPreferredDate() + "] ignored: not an ISO date (yyyy-mm-dd)";
            Optional<Dealer> dealer = dealerId == null ? Optional.empty() : dealers.byId(dealerId);
            if (dealer.isEmpty()) {
                NewAppointments.refused(c, id, vin, dealerId, request.getRequestId(), date, request.getNavigate(), now,
                        dealerId == null ? "the car named no dealer and the owner chose no preferred dealer"
                                : "dealer [" + dealerId + "] is not in the directory");
                continue;
            }
            NewAppointments.requested(c, id, vin, dealer.get().id(), Appointment.Origin.CAR, request.getRequestId(),
                    AppointmentRows.needsIn(c, vin, NeedState.OPEN), date, request.getNavigate(), now, note);
            if (request.getNavigate()) {
                navigations.add(new Navigation(vin, id, request.getRequestId(), dealer.get()));
            }
        }
        return navigations;
    }

    private static Optional<LocalDate> date(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.backend.breakdown.Forwarding;
import io.pcmsim.backend.dealer.Dealer;
import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.session.SessionQueries;
import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Breakdown call: an in-car report opens a case with the consents it carries; a report answering a data
 * pull completes the app call's case, with the consents given in the app. Per recipient the case records
 * whether the report may be seen and why not ({@link Forwarding}); the dealer is chosen by
 * {@link DealerChoice}. Whether the car may have a live diagnosis is its newest login's capability, read
 * once per batch. The raw payload stays in {@code uplink_message} like every message.
 *
 * <p>Retention: 7 days, only for the transmission to the Assistance and the dealer (the notice's basis): the
 * raw reports and the cases together form the data class of {@link BreakdownRetention}.
 */
public final class BreakdownHandler implements ServiceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BreakdownHandler.class);

    private final DealerChoice dealers;

    public BreakdownHandler(DealerChoice dealers) {
        this.dealers = Objects.requireNonNull(dealers, "dealers");
    }

    @Override
    public Service service() {
        return Service.BREAKDOWN;
    }

    @Override
    public Set<UplinkEnvelope.BodyCase> bodies() {
        return Set.of(UplinkEnvelope.BodyCase.BREAKDOWN);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/breakdown";
    }

    @Override
    public RetentionPolicy retention() {
        return BreakdownRetention.POLICY;
    }

    @Override
    public List<DataClass> dataClasses() {
        return List.of(BreakdownRetention.dataClass());
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit afterCommit)
            throws SQLException {
        Set<Vin> capable = SessionQueries.liveDiagnosisCapable(connection,
                records.stream().map(r -> r.header().vin()).toList());
        List<CaseStore.ReportRow> inCar = new ArrayList<>();
        List<UplinkRecord> pulled = new ArrayList<>();
        for (UplinkRecord r : records) {
            BreakdownReport report = r.envelope().getBreakdown();
            if (report.getTrigger() == BreakdownReport.Trigger.APP_PULL) {
                pulled.add(r);
            } else if (report.getCallId().isEmpty()) {
                LOG.info("{}: breakdown report without call id kept as raw message only", r.header().vin());
            } else {
                Consents consents = new Consents(report.getConsentAssistance(), report.getConsentDealer());
                inCar.add(row(UUID.randomUUID().toString(), r, report, consents, capable, backendTime));
            }
        }
        CaseStore.insertReported(connection, inCar);
        attachAnswers(connection, pulled, capable, backendTime);
    }

    private void attachAnswers(Connection connection, List<UplinkRecord> pulled, Set<Vin> capable, Instant now)
            throws SQLException {
        if (pulled.isEmpty()) {
            return;
        }
        Map<String, CaseStore.AwaitingCase> awaiting = CaseStore.awaiting(connection,
                pulled.stream().map(r -> r.envelope().getBreakdown().getPullRequestId()).distinct().toList());
        List<CaseStore.ReportRow> answers = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (UplinkRecord r : pulled) {
            BreakdownReport report = r.envelope().getBreakdown();
            CaseStore.AwaitingCase open = awaiting.get(report.getPullRequestId());
            if (open == null || !open.vin().equals(r.header().vin()) || !open.callId().equals(report.getCallId())
                    || !answered.add(open.caseId())) {
                LOG.info("{}: answer to data pull [{}] matches no case of this car; kept as raw message only",
                        r.header().vin(), report.getPullRequestId());
                continue;
            }
            answers.add(row(open.caseId(), r, report, open.consents(), capable, now));
        }
        int attached = CaseStore.attach(connection, answers);
        if (attached < answers.size()) {
            LOG.info("{} answers to data pulls came after their case timed out; kept as raw messages only",
                    answers.size() - attached);
        }
    }

    private CaseStore.ReportRow row(String caseId, UplinkRecord r, BreakdownReport report, Consents consents,
            Set<Vin> capable, Instant now) {
        Vin vin = r.header().vin();
        Optional<Dealer> dealer = consents.dealer()
                ? dealers.choose(vin, ReportCodec.location(report).flatMap(l -> l.position()))
                : Optional.empty();
        Forwarding toDealer = !consents.dealer() ? Forwarding.WITHHELD_NO_CONSENT
                : dealer.isPresent() ? Forwarding.FORWARDED : Forwarding.WITHHELD_NO_DEALER;
        Forwarding toAssistance = consents.assistance() ? Forwarding.FORWARDED : Forwarding.WITHHELD_NO_CONSENT;
        boolean located = report.hasLocation();
        return new CaseStore.ReportRow(caseId, vin, report.getCallId(), now, consents, toAssistance, toDealer,
                capable.contains(vin), dealer.map(Dealer::id).orElse(null), r.receivedAt(), r.header().vehicleTime(),
                located ? OptionalDouble.of(report.getLocation().getLatitude()) : OptionalDouble.empty(),
                located ? OptionalDouble.of(report.getLocation().getLongitude()) : OptionalDouble.empty(),
                report.toByteArray());
    }
}

package io.pcmsim.backend.internal.manual;

import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.manual.ManualChapter;
import io.pcmsim.backend.manual.OwnersManual;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.ManualLinks;
import io.pcmsim.proto.v1.ManualProfileRequest;
import io.pcmsim.proto.v1.ManualProfileResult;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's manual: each manual event becomes a usage row keyed like its message and a count in the
 * anonymised statistics; a shown message is answered with the chapters the {@link ManualIndex} links to its
 * code ({@code ManualLinks}, empty for an unknown code); favourites are kept per car; a profile request is
 * matched against the identity registry (same user ID, same name ignoring case and spacing) and answered
 * {@code CREATED} (the profile linked to the car) or {@code NO_MATCH}. Any manual message of a car counts as a
 * use of its profile. Downlinks go out once the batch committed. A malformed event is stored only as its raw
 * message, logged and counted.
 */
public final class ManualHandler implements ServiceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ManualHandler.class);

    private final ManualIndex index;
    private final DownlinkPublisher downlinks;
    private final ManualReads reads;

    public ManualHandler(ManualIndex index, Database database, DownlinkPublisher downlinks) {
        this.index = Objects.requireNonNull(index, "index");
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        this.reads = new ManualReads(database, index);
    }

    /** The owner's manual for the backend's users. */
    public OwnersManual api() {
        return reads;
    }

    @Override
    public Service service() {
        return Service.MANUAL;
    }

    @Override
    public Set<UplinkEnvelope.BodyCase> bodies() {
        return Set.of(UplinkEnvelope.BodyCase.MANUAL_EVENT, UplinkEnvelope.BodyCase.MANUAL_PROFILE_REQUEST);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/manual";
    }

    @Override
    public RetentionPolicy retention() {
        return ManualRetention.USAGE;
    }

    @Override
    public List<DataClass> dataClasses() {
        return ManualRetention.dataClasses();
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit afterCommit)
            throws SQLException {
        List<ManualRows.Usage> usage = new ArrayList<>();
        Map<ManualRows.StatisticKey, Long> statistics = new TreeMap<>();
        Set<Vin> used = new TreeSet<>();
        for (UplinkRecord r : records) {
            Vin vin = r.header().vin();
            used.add(vin);
            if (r.envelope().hasManualProfileRequest()) {
                profile(connection, vin, r.envelope().getManualProfileRequest(), backendTime, afterCommit);
                continue;
            }
            ManualEvent event = r.envelope().getManualEvent();
            String code;
            String chapter;
            try {
                code = ManualEvents.code(event);
                chapter = ManualEvents.chapter(event);
            } catch (IllegalArgumentException e) {
                afterCommit.add(() -> reads.malformed(1));
                LOG.info("{}: manual event refused, kept as raw message only: {}", vin, e.getMessage());
                continue;
            }
            int links = 0;
            switch (event.getKind()) {
                case MESSAGE_SHOWN -> {
                    List<ManualChapter> chapters = index.chapters(code);
                    links = chapters.size();
                    send(afterCommit, vin, ManualEvents.links(event.getEventId(), code, chapters));
                }
                case FAVOURITE_ADDED, FAVOURITE_REMOVED -> ManualRows.favourite(connection, vin, chapter,
                        event.getKind() == ManualEvent.Kind.FAVOURITE_ADDED, r.receivedAt());
                default -> {
                }
            }
            String kind = event.getKind().name();
            usage.add(new ManualRows.Usage(vin, r.header().bootId(), r.header().sequence(), kind, code, chapter, links,
                    r.receivedAt()));
            statistics.merge(new ManualRows.StatisticKey(YearMonth.from(r.receivedAt().atOffset(ZoneOffset.UTC)),
                    ModelLines.of(vin), kind, code, chapter), 1L, Long::sum);
        }
        ManualRows.insertUsage(connection, usage);
        ManualRows.addStatistics(connection, statistics);
        ManualRows.touchProfiles(connection, used, backendTime);
    }

    private void profile(Connection connection, Vin vin, ManualProfileRequest request, Instant now,
            AfterCommit afterCommit) throws SQLException {
        String userId = request.getUserId().strip();
        boolean match = !userId.isEmpty() && !request.getName().isBlank() && ManualRows.registeredName(connection, userId)
                .map(name -> sameName(name, request.getName())).orElse(false);
        if (match) {
            ManualRows.linkProfile(connection, vin, userId, now);
        }
        if (!match) {
            afterCommit.add(reads::profileUnmatched);
        }
        send(afterCommit, vin, DownlinkEnvelope.newBuilder().setManualProfileResult(ManualProfileResult.newBuilder()
                .setRequestId(request.getRequestId()).setResult(match ? ManualProfileResult.Result.CREATED
                        : ManualProfileResult.Result.NO_MATCH)));
    }

    private static boolean sameName(String registered, String given) {
        return normal(registered).equals(normal(given));
    }

    private static String normal(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private void send(AfterCommit afterCommit, Vin vin, DownlinkEnvelope.Builder body) {
        afterCommit.add(() -> {
            try {
                downlinks.send(vin, body).whenComplete((id, error) -> {
                    if (error != null) {
                        LOG.warn("manual answer not sent to {}: {}", vin, error.getMessage());
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("manual answer not sent to {}: {}", vin, e.getMessage());
            }
        });
    }
}

package io.pcmsim.backend.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.identity.UserAccount;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.ManualClock;
import io.pcmsim.backend.testing.MqttSessions;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.ManualLinks;
import io.pcmsim.proto.v1.ManualProfileRequest;
import io.pcmsim.proto.v1.ManualProfileResult;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's manual against a running backend on the embedded broker, with a hand-driven car: links for shown
 * messages, profile match and no match, favourites and recent chapters, the anonymity of the statistics and the
 * retention boundaries of its three classes. The store is H2 or PostgreSQL ({@link #jdbcUrl()}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class ManualContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private final ManualClock clock = new ManualClock(NOW);
    private Backend backend;
    private String clientId;
    private @Nullable TestPublisher car;
    private final List<Mqtt5AsyncClient> listeners = new ArrayList<>();
    private long sequence = 1;

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @BeforeEach
    void start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        clientId = "manual-it-" + run;
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId(clientId).sharedGroup("manual-it-" + run).dataDir(dataDir).clock(clock)
                .vehicleTimeWindow(Duration.ofDays(3650), Duration.ofDays(3650));
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        backend = Backend.create(config.build());
        backend.start().get(60, TimeUnit.SECONDS);
        car = TestPublisher.connect(BROKER.host(), BROKER.port());
    }

    @AfterEach
    void stop() {
        listeners.forEach(Mqtt5AsyncClient::disconnect);
        listeners.clear();
        if (car != null) {
            car.close();
            car = null;
            backend.close();
            MqttSessions.discard(BROKER.host(), BROKER.port(), clientId);
        }
    }

    private void send(Vin vin, UplinkEnvelope.Builder body) {
        car.publish(Service.MANUAL, body.setHeader(Uplinks.header(vin, 1, sequence++)).build());
    }

    private void event(Vin vin, ManualEvent.Kind kind, String eventId, String code, String chapter) {
        send(vin, UplinkEnvelope.newBuilder().setManualEvent(ManualEvent.newBuilder().setKind(kind)
                .setEventId(eventId).setMessageCode(code).setChapterId(chapter)));
    }

    private void shown(Vin vin, String eventId, String code) {
        event(vin, ManualEvent.Kind.MESSAGE_SHOWN, eventId, code, "");
    }

    private void awaitEvents(long events) {
        await().atMost(WAIT).until(() -> backend.manual().counts().events() >= events);
    }

    private Queue<DownlinkEnvelope> listen(Vin vin) throws Exception {
        Queue<DownlinkEnvelope> received = new ConcurrentLinkedQueue<>();
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("car-" + UUID.randomUUID())
                .serverHost(BROKER.host()).serverPort(BROKER.port()).buildAsync();
        listeners.add(client);
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(Topics.downlink(vin, Service.MANUAL)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> received.add(DownlinkCodec.parse(p.getPayloadAsBytes()))).send()
                .get(10, TimeUnit.SECONDS);
        return received;
    }

    @Test
    void messageShown_knownCodeGetsItsChapters_unknownCodeNoneAndIsCounted() throws Exception {
        Vin vin = Uplinks.randomVin();
        Queue<DownlinkEnvelope> downlinks = listen(vin);

        shown(vin, "e-1", "W-OIL-LEVEL");
        shown(vin, "e-2", "I-NOT-IN-THE-INDEX");

        await().atMost(WAIT).until(() -> downlinks.size() == 2);
        ManualLinks known = downlinks.stream().map(DownlinkEnvelope::getManualLinks)
                .filter(l -> l.getEventId().equals("e-1")).findFirst().orElseThrow();
        assertThat(known.getMessageCode()).isEqualTo("W-OIL-LEVEL");
        assertThat(known.getLinksList()).extracting(ManualLinks.Link::getChapterId)
                .containsExactly("oil-level", "oil-top-up");
        assertThat(known.getLinks(0).getUrl()).startsWith("https://manual.example.com/");
        ManualLinks unknown = downlinks.stream().map(DownlinkEnvelope::getManualLinks)
                .filter(l -> l.getEventId().equals("e-2")).findFirst().orElseThrow();
        assertThat(unknown.getLinksList()).isEmpty();
        ManualCounts counts = backend.manual().counts();
        assertThat(counts.messagesShown()).isEqualTo(2);
        assertThat(counts.linksServed()).isEqualTo(1);
        assertThat(counts.unknownCodes()).isEqualTo(1);
    }

    @Test
    void malformedEvent_isRefusedAndCounted_theOthersOfItsBatchAreStored() {
        Vin vin = Uplinks.randomVin();
        event(vin, ManualEvent.Kind.CHAPTER_VISITED, "v-1", "", "Not A Chapter!");
        event(vin, ManualEvent.Kind.CHAPTER_VISITED, "v-2", "", "abs");

        awaitEvents(1);
        await().atMost(WAIT).until(() -> backend.manual().counts().malformed() == 1);
        assertThat(backend.manual().recent(vin, 10)).extracting(u -> u.chapter().chapterId()).containsExactly("abs");
    }

    private ManualProfileResult.Result requestProfile(Vin vin, Queue<DownlinkEnvelope> downlinks, String name,
            String userId) {
        String requestId = UUID.randomUUID().toString();
        send(vin, UplinkEnvelope.newBuilder().setManualProfileRequest(ManualProfileRequest.newBuilder()
                .setRequestId(requestId).setName(name).setUserId(userId)));
        await().atMost(WAIT).until(() -> downlinks.stream().anyMatch(d -> d.getManualProfileResult().getRequestId()
                .equals(requestId)));
        return downlinks.stream().map(DownlinkEnvelope::getManualProfileResult)
                .filter(r -> r.getRequestId().equals(requestId)).findFirst().orElseThrow().getResult();
    }

    @Test
    void profile_nameAndIdOfARegisteredUser_createdAndLinked_otherwiseNoMatch() throws Exception {
        UserAccount anna = backend.identity().register("Anna Bauer");
        Vin vin = Uplinks.randomVin();
        Queue<DownlinkEnvelope> downlinks = listen(vin);

        assertThat(requestProfile(vin, downlinks, "Anna Schulz", anna.userId()))
                .isEqualTo(ManualProfileResult.Result.NO_MATCH);
        assertThat(requestProfile(vin, downlinks, "Anna Bauer", "no-such-user"))
                .isEqualTo(ManualProfileResult.Result.NO_MATCH);
        assertThat(backend.manual().profile(vin)).isEmpty();
        assertThat(requestProfile(vin, downlinks, "  anna   BAUER ", anna.userId()))
                .isEqualTo(ManualProfileResult.Result.CREATED);

        ManualProfile profile = backend.manual().profile(vin).orElseThrow();
        assertThat(profile.userId()).isEqualTo(anna.userId());
        assertThat(profile.createdAt()).isEqualTo(NOW);
        ManualCounts counts = backend.manual().counts();
        assertThat(counts.profiles()).isEqualTo(1);
        assertThat(counts.profileRequestsUnmatched()).isEqualTo(2);
    }

    @Test
    void favouritesAndRecent_perCar_newestFirst() {
        Vin vin = Uplinks.randomVin();
        Vin other = Uplinks.randomVin();
        long events = 0;
        for (String chapter : List.of("abs", "oil-level", "abs", "charging")) {
            event(vin, ManualEvent.Kind.CHAPTER_VISITED, UUID.randomUUID().toString(), "", chapter);
            awaitEvents(++events);
            clock.advance(Duration.ofMinutes(1));
        }
        event(vin, ManualEvent.Kind.FAVOURITE_ADDED, "f-1", "", "oil-level");
        awaitEvents(++events);
        clock.advance(Duration.ofMinutes(1));
        event(vin, ManualEvent.Kind.FAVOURITE_ADDED, "f-2", "", "abs");
        event(vin, ManualEvent.Kind.FAVOURITE_REMOVED, "f-3", "", "oil-level");
        event(other, ManualEvent.Kind.FAVOURITE_ADDED, "f-4", "", "range");
        awaitEvents(events + 3);

        assertThat(backend.manual().recent(vin, 10)).extracting(u -> u.chapter().chapterId())
                .containsExactly("charging", "abs", "oil-level");
        assertThat(backend.manual().recent(vin, 1)).hasSize(1);
        assertThat(backend.manual().recent(vin, 10).get(0).chapter().title())
                .isEqualTo("Charging the high-voltage battery");
        assertThat(backend.manual().favourites(vin)).extracting(u -> u.chapter().chapterId()).containsExactly("abs");
        assertThat(backend.manual().favourites(other)).extracting(u -> u.chapter().chapterId())
                .containsExactly("range");
        assertThat(backend.manual().counts().favourites()).isEqualTo(2);
        assertThat(backend.manual().counts().chaptersVisited()).isEqualTo(4);
    }

    @Test
    void statistics_holdNoVinNoUserIdNoFineTime_andLeaveOutSmallCounts() throws Exception {
        UserAccount user = backend.identity().register("Ben Conrad");
        List<Vin> vins = Uplinks.randomVins(6);
        Queue<DownlinkEnvelope> downlinks = listen(vins.get(0));
        for (Vin vin : vins) {
            shown(vin, UUID.randomUUID().toString(), "W-BRAKE-PADS");
        }
        shown(vins.get(0), UUID.randomUUID().toString(), "W-ABS");
        awaitEvents(7);
        assertThat(requestProfile(vins.get(0), downlinks, "Ben Conrad", user.userId()))
                .isEqualTo(ManualProfileResult.Result.CREATED);

        UsageStatistics month = backend.manual().statistics(YearMonth.of(2026, 6));
        assertThat(month.cells()).as("the test VINs are all 911s (model code 99)").containsExactly(
                new UsageStatistics.Cell("911", "MESSAGE_SHOWN", "W-BRAKE-PADS", "", 6));
        assertThat(month.suppressedCells()).as("W-ABS, shown once").isEqualTo(1);

        try (Connection c = DriverManager.getConnection(backend.config().jdbcUrl());
                Statement s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            // this schema only: another schema of the same database may hold a table of that name
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "manual_statistic", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(columns).containsExactlyInAnyOrder("stat_month", "model_line", "kind", "message_code", "chapter_id",
                    "period_end", "events");
            List<String> values = new ArrayList<>();
            long rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT stat_month, model_line, kind, message_code, chapter_id, period_end"
                    + " FROM manual_statistic")) {
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= 5; i++) {
                        values.add(rs.getString(i));
                    }
                    assertThat(rs.getObject(6, java.time.OffsetDateTime.class).toInstant())
                            .as("only the month's end, nothing that lines up with a message's time")
                            .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
                }
            }
            assertThat(rows).isPositive();
            for (Vin vin : vins) {
                assertThat(values).noneMatch(v -> v.contains(vin.value()));
            }
            assertThat(values).noneMatch(v -> v.contains(user.userId()));
        }
    }

    private long deleted(RetentionRun run, String dataClass) {
        assertThat(run.outcome()).isEqualTo(RetentionRun.Outcome.COMPLETED);
        return run.of(dataClass).orElseThrow().deleted();
    }

    @Test
    void retention_usage12Months_profileAYearAfterItsLastUse_statistics12MonthsAfterTheirMonth() throws Exception {
        UserAccount user = backend.identity().register("Clara Engel");
        Vin vin = Uplinks.randomVin();
        Vin usedLater = Uplinks.randomVin();
        Queue<DownlinkEnvelope> downlinks = listen(vin);
        Queue<DownlinkEnvelope> laterDownlinks = listen(usedLater);
        assertThat(requestProfile(vin, downlinks, "Clara Engel", user.userId()))
                .isEqualTo(ManualProfileResult.Result.CREATED);
        assertThat(requestProfile(usedLater, laterDownlinks, "Clara Engel", user.userId()))
                .isEqualTo(ManualProfileResult.Result.CREATED);
        event(vin, ManualEvent.Kind.CHAPTER_VISITED, "v-1", "", "abs");
        event(vin, ManualEvent.Kind.FAVOURITE_ADDED, "f-1", "", "abs");
        awaitEvents(2);
        clock.set(NOW.plus(Duration.ofDays(180)));
        event(usedLater, ManualEvent.Kind.CHAPTER_VISITED, "v-2", "", "range");
        awaitEvents(3);
        Instant year = Instant.parse("2027-06-01T12:00:00Z");

        RetentionRun before = backend.retention().run(year.minusSeconds(1), RetentionTrigger.API);
        assertThat(deleted(before, "manual-usage")).isZero();
        assertThat(deleted(before, "manual-profile")).isZero();
        assertThat(deleted(before, "manual-statistics")).isZero();

        RetentionRun atYear = backend.retention().run(year, RetentionTrigger.API);
        // the two profile requests, the visit and the favourite's message, their usage rows and the favourite
        assertThat(deleted(atYear, "manual-usage")).isEqualTo(4 + 2 + 1);
        assertThat(deleted(atYear, "manual-profile")).as("the profile unused for a year").isEqualTo(1);
        assertThat(backend.manual().profile(vin)).isEmpty();
        assertThat(backend.manual().profile(usedLater)).as("used 180 days later").isPresent();
        assertThat(backend.manual().favourites(vin)).isEmpty();
        assertThat(backend.manual().recent(usedLater, 10)).hasSize(1);
        assertThat(deleted(atYear, "manual-statistics")).as("June 2026 ends 2026-07-01: kept until 2027-07-01")
                .isZero();

        RetentionRun monthLater = backend.retention().run(Instant.parse("2027-07-01T00:00:00Z"), RetentionTrigger.API);
        assertThat(deleted(monthLater, "manual-statistics")).isEqualTo(2);
        assertThat(backend.manual().statistics(YearMonth.of(2026, 6)).suppressedCells()).isZero();
        assertThat(backend.manual().statistics(YearMonth.of(2026, 11)).suppressedCells()).isEqualTo(1);
    }
}

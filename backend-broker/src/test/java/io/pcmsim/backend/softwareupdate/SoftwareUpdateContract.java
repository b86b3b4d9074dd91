package io.pcmsim.backend.softwareupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.identity.ConnectivityPackage;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.ManualClock;
import io.pcmsim.backend.testing.MqttSessions;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer.Result;
import io.pcmsim.proto.v1.SoftwareUpdateQuery;
import io.pcmsim.proto.v1.SoftwareUpdateStatus;
import io.pcmsim.proto.v1.SoftwareUpdateStatus.State;
import io.pcmsim.proto.v1.UpdateChunk;
import io.pcmsim.proto.v1.UpdateChunkRequest;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Software update against a running backend on the embedded broker, with hand-driven cars: offers after the
 * entitlement check, chunks that make up the signed package, waves that halt on failures and resume, and the
 * retention boundary of the update records. The store is H2 or PostgreSQL ({@link #jdbcUrl()}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class SoftwareUpdateContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MODEL = "992";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private final ManualClock clock = new ManualClock(NOW);
    private final Map<Vin, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Queue<DownlinkEnvelope> downlinks = new ConcurrentLinkedQueue<>();
    private Backend backend;
    private String clientId;
    private @Nullable TestPublisher car;
    private @Nullable Mqtt5AsyncClient listener;

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @BeforeEach
    void start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        clientId = "swupdate-it-" + run;
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId(clientId).sharedGroup("swupdate-it-" + run).dataDir(dataDir).clock(clock);
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        backend = Backend.create(config.build());
        backend.start().get(60, TimeUnit.SECONDS);
        car = TestPublisher.connect(BROKER.host(), BROKER.port());
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("cars-" + run).serverHost(BROKER.host())
                .serverPort(BROKER.port()).buildAsync();
        listener = client;
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(Topics.ROOT + "+/down/software-update").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> downlinks.add(DownlinkCodec.parse(p.getPayloadAsBytes()))).send().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.disconnect();
            listener = null;
        }
        if (car != null) {
            car.close();
            car = null;
            backend.close();
            MqttSessions.discard(BROKER.host(), BROKER.port(), clientId);
        }
    }

    private Vin loggedIn() {
        Vin vin = Uplinks.randomVin();
        send(vin, b -> b.mergeFrom(Uplinks.login(vin, 1, 1)));
        await().atMost(WAIT).until(() -> backend.identity().contract(vin).owner().isPresent());
        return vin;
    }

    private void send(Vin vin, java.util.function.Consumer<UplinkEnvelope.Builder> body) {
        long sequence = sequences.computeIfAbsent(vin, v -> new AtomicLong(1)).incrementAndGet();
        UplinkEnvelope.Builder envelope = UplinkEnvelope.newBuilder();
        body.accept(envelope);
        envelope.setHeader(Uplinks.header(vin, 1, sequence));
        car.publish(envelope.hasLogin() ? Service.LOGIN : Service.SOFTWARE_UPDATE, envelope.build());
    }

    private SoftwareUpdateAnswer query(Vin vin, String pcm) {
        String id = UUID.randomUUID().toString();
        send(vin, b -> b.setSoftwareUpdateQuery(SoftwareUpdateQuery.newBuilder().setQueryId(id).setModelCode(MODEL)
                .addInstalled(component("PCM", pcm)).addInstalled(component("GATEWAY", "GW3.1"))));
        await().atMost(WAIT).until(() -> downlinks.stream().anyMatch(d -> d.getSoftwareUpdateAnswer().getQueryId().equals(id)));
        return downlinks.stream().filter(d -> d.getSoftwareUpdateAnswer().getQueryId().equals(id)).findFirst()
                .orElseThrow().getSoftwareUpdateAnswer();
    }

    private void status(Vin vin, String campaignId, State state, String pcm) {
        send(vin, b -> b.setSoftwareUpdateStatus(SoftwareUpdateStatus.newBuilder().setCampaignId(campaignId)
                .setState(state).setFailureReason(state == State.FAILED ? "install failed: flash error" : "")
                .addInstalled(component("PCM", pcm))));
    }

    private static SoftwareComponent component(String name, String version) {
        return SoftwareComponent.newBuilder().setComponent(name).setVersion(version).build();
    }

    private Campaign campaign(List<Integer> waves, double threshold) {
        Release release = backend.softwareUpdate().createRelease(new ReleaseRequest(MODEL, Map.of("PCM", "PCM6.1.0"),
                3000, 1024));
        return backend.softwareUpdate().createCampaign(new CampaignRequest(release.releaseId(),
                Map.of("PCM", "PCM6.0.0"), waves, threshold, 2));
    }

    @Test
    void entitledCar_isOffered_theChunksMakeTheSignedPackage_andItsInstallIsRecorded() throws Exception {
        Vin vin = loggedIn();
        Campaign campaign = campaign(List.of(5), 0.5);

        SoftwareUpdateAnswer answer = query(vin, "PCM6.0.0");
        assertThat(answer.getResult()).isEqualTo(Result.UPDATE_AVAILABLE);
        assertThat(answer.getOffer().getCampaignId()).isEqualTo(campaign.campaignId());
        assertThat(answer.getOffer().getChunkCount()).isEqualTo(3);
        status(vin, campaign.campaignId(), State.ACCEPTED, "PCM6.0.0");
        send(vin, b -> b.setUpdateChunkRequest(UpdateChunkRequest.newBuilder().setCampaignId(campaign.campaignId())
                .setFromIndex(0).setCount(10)));
        await().atMost(WAIT).until(() -> downlinks.stream().filter(DownlinkEnvelope::hasUpdateChunk).count() == 3);
        List<UpdateChunk> chunks = new ArrayList<>(downlinks.stream().filter(DownlinkEnvelope::hasUpdateChunk)
                .map(DownlinkEnvelope::getUpdateChunk).toList());
        chunks.sort(java.util.Comparator.comparingInt(UpdateChunk::getIndex));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        chunks.forEach(c -> bytes.writeBytes(c.getData().toByteArray()));
        byte[] pkg = bytes.toByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pkg)))
                .isEqualTo(answer.getOffer().getSha256());
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey(backend.softwareUpdate().releasePublicKeyPem()));
        verifier.update(pkg);
        assertThat(verifier.verify(Base64.getDecoder().decode(answer.getOffer().getSignature()))).isTrue();

        status(vin, campaign.campaignId(), State.INSTALLED, "PCM6.1.0");
        await().atMost(WAIT).until(() -> backend.softwareUpdate().records(vin).get(0).state().equals("INSTALLED"));
        assertThat(backend.softwareUpdate().installedSoftware(vin)).containsEntry("PCM", "PCM6.1.0")
                .containsEntry("GATEWAY", "GW3.1");
        assertThat(query(vin, "PCM6.1.0").getResult()).isEqualTo(Result.NO_UPDATE);
        assertThat(backend.softwareUpdate().counts().installed()).isEqualTo(1);
    }

    private static PublicKey publicKey(String pem) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    @Test
    void withoutUserOrValidPackage_theAnswerIsNotEntitled_andNothingIsOffered() {
        campaign(List.of(5), 0.5);
        Vin unknown = Uplinks.randomVin(); // never logged in: no user linked
        Vin expired = loggedIn();
        backend.identity().grant(expired, new ConnectivityPackage("Connect", NOW.minus(Duration.ofDays(30)),
                NOW.minusSeconds(1)));

        assertThat(query(unknown, "PCM6.0.0").getResult()).isEqualTo(Result.NOT_ENTITLED);
        assertThat(query(expired, "PCM6.0.0").getResult()).isEqualTo(Result.NOT_ENTITLED);

        assertThat(backend.softwareUpdate().records(unknown)).isEmpty();
        assertThat(backend.softwareUpdate().records(expired)).isEmpty();
        assertThat(backend.softwareUpdate().counts().offered()).isZero();
        assertThat(backend.softwareUpdate().counts().notEntitled()).isEqualTo(2);
    }

    @Test
    void aWavesFailuresOverTheThreshold_haltTheCampaign_andResumeOpensTheNextWave() {
        Campaign campaign = campaign(List.of(2, 2), 0.4);
        List<Vin> cars = List.of(loggedIn(), loggedIn(), loggedIn(), loggedIn());

        assertThat(query(cars.get(0), "PCM6.0.0").getResult()).isEqualTo(Result.UPDATE_AVAILABLE);
        assertThat(query(cars.get(1), "PCM6.0.0").getResult()).isEqualTo(Result.UPDATE_AVAILABLE);
        assertThat(query(cars.get(2), "PCM6.0.0").getResult()).isEqualTo(Result.NO_UPDATE); // wave 0 full, unsettled
        status(cars.get(0), campaign.campaignId(), State.FAILED, "PCM6.0.0");
        status(cars.get(1), campaign.campaignId(), State.FAILED, "PCM6.0.0");

        await().atMost(WAIT).until(() -> backend.softwareUpdate().progress(campaign.campaignId()).orElseThrow()
                .campaign().state() == CampaignState.HALTED);
        CampaignProgress halted = backend.softwareUpdate().progress(campaign.campaignId()).orElseThrow();
        assertThat(halted.campaign().haltReason().orElseThrow()).contains("2 of 2 installs failed");
        assertThat(halted.waves()).containsExactly(new WaveProgress(0, 2, 2, 0, 0, 2, 0, 0));
        assertThat(query(cars.get(2), "PCM6.0.0").getResult()).isEqualTo(Result.NO_UPDATE);
        assertThat(backend.softwareUpdate().counts().halted()).isEqualTo(1);

        Campaign resumed = backend.softwareUpdate().resume(campaign.campaignId());
        assertThat(resumed.state()).isEqualTo(CampaignState.RUNNING);
        assertThat(resumed.currentWave()).isEqualTo(1);
        for (Vin vin : cars.subList(2, 4)) {
            assertThat(query(vin, "PCM6.0.0").getResult()).isEqualTo(Result.UPDATE_AVAILABLE);
            status(vin, campaign.campaignId(), State.ACCEPTED, "PCM6.0.0");
            status(vin, campaign.campaignId(), State.INSTALLED, "PCM6.1.0");
        }
        await().atMost(WAIT).until(() -> backend.softwareUpdate().progress(campaign.campaignId()).orElseThrow()
                .waves().get(1).installed() == 2);
        assertThat(backend.softwareUpdate().progress(campaign.campaignId()).orElseThrow().waves().get(1))
                .isEqualTo(new WaveProgress(1, 2, 2, 2, 2, 0, 0, 0));
        assertThat(backend.softwareUpdate().halt(campaign.campaignId(), "enough").haltReason()).hasValue("enough");
        assertThat(backend.softwareUpdate().counts()).isEqualTo(new SoftwareUpdateCounts(4, 2, 2, 0, 0, 0, 2, 1));
    }

    /** Failed before on PostgreSQL: two writer lanes each gave the wave's places away on what they saw. */
    @Test
    void manyCarsQueryingAtOnce_aWaveTakesNoMoreCarsThanItsSize() {
        Campaign campaign = campaign(List.of(5), 0.5);
        List<Vin> cars = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cars.add(loggedIn());
        }
        Map<String, Vin> queries = new java.util.HashMap<>();
        for (Vin vin : cars) {
            String id = UUID.randomUUID().toString();
            queries.put(id, vin);
            send(vin, b -> b.setSoftwareUpdateQuery(SoftwareUpdateQuery.newBuilder().setQueryId(id).setModelCode(MODEL)
                    .addInstalled(component("PCM", "PCM6.0.0")).addInstalled(component("GATEWAY", "GW3.1"))));
        }

        await().atMost(WAIT).until(() -> downlinks.stream().filter(d -> queries.containsKey(
                d.getSoftwareUpdateAnswer().getQueryId())).count() == cars.size());
        assertThat(downlinks.stream().filter(d -> queries.containsKey(d.getSoftwareUpdateAnswer().getQueryId()))
                .filter(d -> d.getSoftwareUpdateAnswer().getResult() == Result.UPDATE_AVAILABLE)).hasSize(5);
        assertThat(backend.softwareUpdate().progress(campaign.campaignId()).orElseThrow().waves().get(0).offered())
                .isEqualTo(5L);
    }

    @Test
    void retention_deletesUpdateRecordsAndVersionsThreeYearsAfterTheirLastChange() {
        campaign(List.of(5), 0.5);
        Vin vin = loggedIn();
        assertThat(query(vin, "PCM6.0.0").getResult()).isEqualTo(Result.UPDATE_AVAILABLE);
        Instant expiry = NOW.atOffset(java.time.ZoneOffset.UTC).plusYears(3).toInstant();

        RetentionRun before = backend.retention().run(expiry.minusSeconds(1), RetentionTrigger.API);
        assertThat(before.of("software-update").orElseThrow().deleted()).isZero();
        assertThat(backend.softwareUpdate().records(vin)).hasSize(1);

        RetentionRun at = backend.retention().run(expiry, RetentionTrigger.API);
        // the raw query, the update record, two reported versions
        assertThat(at.of("software-update").orElseThrow().deleted()).isEqualTo(4);
        assertThat(backend.softwareUpdate().records(vin)).isEmpty();
        assertThat(backend.softwareUpdate().installedSoftware(vin)).isEmpty();
        assertThat(backend.softwareUpdate().releases()).hasSize(1);
    }
}

package io.pcmsim.vehicle.softwareupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.identity.ConnectivityPackage;
import io.pcmsim.backend.identity.UserAccount;
import io.pcmsim.backend.softwareupdate.CampaignRequest;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.ReleaseRequest;
import io.pcmsim.backend.softwareupdate.UpdateRecord;
import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer;
import io.pcmsim.proto.v1.SoftwareUpdateStatus;
import io.pcmsim.proto.v1.SoftwareUpdateStatus.State;
import io.pcmsim.proto.v1.UpdateChunk;
import io.pcmsim.proto.v1.UpdateChunkRequest;
import io.pcmsim.proto.v1.UpdateOffer;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Service;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.model.ProfileChoice;
import io.pcmsim.vehicle.softwareupdate.UpdateProgress.Phase;
import io.pcmsim.vehicle.testing.RecordingBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online software update end to end: emulated cars (all of one model) that trust the backend's release key, the
 * embedded broker (a recording subscriber sees the wire) and a backend. A car installs what it is offered and
 * reports its new versions; a download interrupted by a disconnect resumes at the first missing chunk; forged
 * packages are refused and reported; without entitlement nothing is offered.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SoftwareUpdateIT {

    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Instant SIM_START = Instant.parse("2027-05-03T07:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final UpdateTraffic TRAFFIC = new UpdateTraffic(BROKER);

    private static Fleet fleet;
    private static Backend backend;
    private static Mqtt5AsyncClient forger;
    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(SIM_START, 120);
        String run = UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost("127.0.0.1").brokerPort(BROKER.port())
                .clientId("swupdate-it-" + run).sharedGroup("swupdate-it-" + run).dataDir(dataDir).clock(clock)
                .autoEnrol(false).build());
        backend.start().get(60, TimeUnit.SECONDS);
        SoftwareUpdatePolicy policy = new SoftwareUpdatePolicy(java.util.Optional.of(
                SoftwareUpdatePolicy.parseKey(backend.softwareUpdate().releasePublicKeyPem())), 1, 0, 0, 0,
                Duration.ofMinutes(2), Duration.ofDays(1), 4);
        fleet = Fleet.create(FleetConfig.builder().brokerPort(BROKER.port()).vehicles(6).seed(77).clock(clock)
                .sampleInterval(Duration.ofMinutes(1)).profiles(ProfileChoice.parse("battery-electric"))
                .softwareUpdate(policy).build());
        Instant now = clock.instant();
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                continue; // no user linked
            }
            UserAccount owner = backend.identity().register("Owner " + i);
            backend.identity().link(owner.userId(), car(i).vin());
            Instant until = i == 4 ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(365));
            backend.identity().grant(car(i).vin(), new ConnectivityPackage("Connect", now.minus(Duration.ofDays(400)),
                    until));
        }
        fleet.start().get(60, TimeUnit.SECONDS);
        forger = MqttClient.builder().useMqttVersion5().identifier("forger-" + run).serverHost("127.0.0.1")
                .serverPort(BROKER.port()).buildAsync();
        forger.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (forger != null) {
            forger.disconnect().get(10, TimeUnit.SECONDS);
        }
        if (fleet != null) {
            fleet.stop().get(30, TimeUnit.SECONDS);
        }
        if (backend != null) {
            backend.close();
        }
    }

    static EmulatedVehicle car(int index) {
        return fleet.vehicles().get(index);
    }

    static Map<String, String> versions(EmulatedVehicle car) {
        Map<String, String> versions = new java.util.TreeMap<>();
        car.updateProgress().installed().forEach(v -> versions.put(v.name(), v.version()));
        return versions;
    }

    /** The version after {@code version}: its last number plus one. */
    static String next(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)$").matcher(version);
        return m.find() ? version.substring(0, m.start()) + (Long.parseLong(m.group(1)) + 1) : version + ".1";
    }

    private static String campaignFor(EmulatedVehicle car, int sizeBytes) {
        Map<String, String> installed = versions(car);
        Release release = backend.softwareUpdate().createRelease(new ReleaseRequest(
                car.profile().modelLine().modelCode(), Map.of("PCM", next(installed.get("PCM"))), sizeBytes, 1024));
        return backend.softwareUpdate().createCampaign(new CampaignRequest(release.releaseId(), installed,
                List.of(5), 0.5, 1)).campaignId();
    }

    @Test
    void acceptedOffer_isDownloadedInstalledAndReportedWithTheNewVersions() throws Exception {
        EmulatedVehicle car = car(0);
        String target = next(versions(car).get("PCM"));
        String campaign = campaignFor(car, 5_000);

        car.startVehicle().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> car.updateProgress().phase() == Phase.INSTALLED);
        await().atMost(WAIT).until(() -> backend.softwareUpdate().records(car.vin()).stream()
                .anyMatch(r -> r.campaignId().equals(campaign) && r.state().equals("INSTALLED")));
        assertThat(backend.softwareUpdate().installedSoftware(car.vin())).containsEntry("PCM", target);
        assertThat(TRAFFIC.statuses(car)).extracting(SoftwareUpdateStatus::getState)
                .containsSubsequence(State.ACCEPTED, State.DOWNLOADED, State.INSTALLING, State.INSTALLED);
        SoftwareUpdateStatus installed = TRAFFIC.statuses(car).stream().filter(s -> s.getState() == State.INSTALLED)
                .findFirst().orElseThrow();
        assertThat(installed.getInstalledList()).contains(SoftwareComponent.newBuilder().setComponent("PCM")
                .setVersion(target).build());
        assertThat(versions(car)).containsEntry("PCM", target);
    }

    @Test
    void disconnectMidDownload_resumesAtTheFirstMissingChunk() throws Exception {
        EmulatedVehicle car = car(1);
        String campaign = campaignFor(car, 24 * 1024);

        car.startVehicle().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> car.updateProgress().chunksReceived() >= 4);
        car.networkOutage(Duration.ofMinutes(2)).get(10, TimeUnit.SECONDS);
        assertThat(car.updateProgress().chunksReceived()).isLessThan(24);

        await().atMost(WAIT).until(() -> car.updateProgress().phase() == Phase.INSTALLED);
        List<UplinkEnvelope> requests = TRAFFIC.uplinks(car).stream().filter(UplinkEnvelope::hasUpdateChunkRequest)
                .toList();
        long firstBoot = requests.get(0).getHeader().getBootId();
        assertThat(requests.get(0).getUpdateChunkRequest().getFromIndex()).isZero();
        List<UpdateChunkRequest> afterReconnect = requests.stream().filter(r -> r.getHeader().getBootId() > firstBoot)
                .map(UplinkEnvelope::getUpdateChunkRequest).toList();
        assertThat(afterReconnect).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getCampaignId()).isEqualTo(campaign);
            assertThat(r.getFromIndex()).isGreaterThanOrEqualTo(4);
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(backend.softwareUpdate().records(car.vin()))
                .as("the car's INSTALLED status stored").extracting(UpdateRecord::state).contains("INSTALLED"));
    }

    @Test
    void forgedPackages_areRefusedAndReportedWithTheirReason() throws Exception {
        EmulatedVehicle car = car(2);
        String model = car.profile().modelLine().modelCode();
        String pcm = versions(car).get("PCM");
        byte[] bytes = new byte[3000];
        new SplittableRandom(5).nextBytes(bytes);
        PrivateKey releaseKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Files.readAllBytes(dataDir.resolve("release-key.pk8"))));
        PrivateKey otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        String sha = sha256(bytes);

        refused(car, offer("992".equals(model) ? "9YA" : "992", next(pcm), bytes, sha, sign(releaseKey, bytes)),
                bytes, "wrong model");
        refused(car, offer(model, "PCM1.0.0", bytes, sha, sign(releaseKey, bytes)), bytes, "downgrade refused");
        refused(car, offer(model, next(pcm), bytes, sha256(new byte[3000]), sign(releaseKey, bytes)), bytes,
                "hash mismatch");
        refused(car, offer(model, next(pcm), bytes, sha, sign(otherKey, bytes)), bytes, "signature invalid");

        assertThat(car.updateProgress().refused()).isEqualTo(4);
        assertThat(versions(car)).containsEntry("PCM", pcm);
    }

    private static UpdateOffer.Builder offer(String model, String pcm, byte[] bytes, String sha, String signature) {
        return UpdateOffer.newBuilder().setCampaignId(UUID.randomUUID().toString()).setModelCode(model)
                .addTarget(SoftwareComponent.newBuilder().setComponent("PCM").setVersion(pcm))
                .setSizeBytes(bytes.length).setChunkSize(1024).setChunkCount((bytes.length + 1023) / 1024)
                .setSha256(sha).setSignature(signature);
    }

    private static void refused(EmulatedVehicle car, UpdateOffer.Builder offer, byte[] bytes, String reason)
            throws Exception {
        String topic = Topics.downlink(car.vin(), Service.SOFTWARE_UPDATE);
        publish(car, topic, DownlinkEnvelope.newBuilder().setSoftwareUpdateAnswer(SoftwareUpdateAnswer.newBuilder()
                .setQueryId(UUID.randomUUID().toString()).setResult(SoftwareUpdateAnswer.Result.UPDATE_AVAILABLE)
                .setOffer(offer)));
        for (int i = 0; i < offer.getChunkCount(); i++) {
            publish(car, topic, DownlinkEnvelope.newBuilder().setUpdateChunk(UpdateChunk.newBuilder()
                    .setCampaignId(offer.getCampaignId()).setIndex(i).setData(ByteString.copyFrom(bytes, i * 1024,
                            Math.min(1024, bytes.length - i * 1024)))));
        }
        await().atMost(WAIT).until(() -> TRAFFIC.statuses(car).stream().anyMatch(s -> s.getCampaignId()
                .equals(offer.getCampaignId()) && s.getState() == State.FAILED));
        SoftwareUpdateStatus failed = TRAFFIC.statuses(car).stream().filter(s -> s.getCampaignId()
                .equals(offer.getCampaignId()) && s.getState() == State.FAILED).findFirst().orElseThrow();
        assertThat(failed.getFailureReason()).startsWith(reason);
        assertThat(TRAFFIC.statuses(car).stream().filter(s -> s.getCampaignId().equals(offer.getCampaignId()))
                .map(SoftwareUpdateStatus::getState)).doesNotContain(State.INSTALLED, State.INSTALLING);
    }

    private static void publish(EmulatedVehicle car, String topic, DownlinkEnvelope.Builder body) throws Exception {
        body.setHeader(DownlinkCodec.header(car.vin(), UUID.randomUUID().toString(), Instant.now()));
        forger.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(body.build().toByteArray()).send()
                .get(10, TimeUnit.SECONDS);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sign(PrivateKey key, byte[] bytes) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(bytes);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    @Test
    void withoutEntitlement_theAnswerIsNotEntitled_andNothingIsOffered() throws Exception {
        for (EmulatedVehicle car : List.of(car(3), car(4))) { // no user linked; package expired
            campaignFor(car, 2_000);
            car.startVehicle().get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> TRAFFIC.answers(car).stream()
                    .anyMatch(a -> a.getResult() == SoftwareUpdateAnswer.Result.NOT_ENTITLED));
            assertThat(TRAFFIC.answers(car)).noneMatch(a -> a.hasOffer());
            assertThat(backend.softwareUpdate().records(car.vin())).isEmpty();
            assertThat(car.updateProgress().phase()).isEqualTo(Phase.IDLE);
        }
        assertThat(backend.softwareUpdate().counts().notEntitled()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void groupWithoutLocationOff_theCarAsksNothing() throws Exception {
        EmulatedVehicle car = car(5);
        car.setServiceGroup(ServiceGroup.WITHOUT_LOCATION, false).get(30, TimeUnit.SECONDS);
        campaignFor(car, 2_000);
        long suppressed = fleet.stats().suppressed(Service.SOFTWARE_UPDATE);

        car.startVehicle().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> fleet.stats().suppressed(Service.SOFTWARE_UPDATE) > suppressed);
        assertThat(TRAFFIC.uplinks(car)).isEmpty();
        assertThat(backend.softwareUpdate().records(car.vin())).isEmpty();
        car.setServiceGroup(ServiceGroup.WITHOUT_LOCATION, true).get(30, TimeUnit.SECONDS);
    }

    @Test
    void collectionConfig_pollIntervalFromTheBackend_replacesTheDaily() throws Exception {
        EmulatedVehicle car = car(0);
        long before = TRAFFIC.uplinks(car).stream().filter(UplinkEnvelope::hasSoftwareUpdateQuery).count();

        publish(car, Topics.downlink(car.vin(), Service.SMART_SERVICE), DownlinkEnvelope.newBuilder()
                .setCollectionConfig(CollectionConfig.newBuilder().setConfigId(UUID.randomUUID().toString())
                        .setSoftwareUpdatePollIntervalS(600)));

        // every 10 simulated minutes (5 s here) instead of once a simulated day (12 min here)
        await().atMost(WAIT).until(() -> TRAFFIC.uplinks(car).stream()
                .filter(UplinkEnvelope::hasSoftwareUpdateQuery).count() >= before + 2);
    }
}

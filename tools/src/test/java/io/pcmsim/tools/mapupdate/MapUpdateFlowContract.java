package io.pcmsim.tools.mapupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.identity.ConnectivityPackage;
import io.pcmsim.backend.identity.UserAccount;
import io.pcmsim.backend.internal.mapupdate.MapUpdateCentre;
import io.pcmsim.backend.mapprovider.MapTransfer;
import io.pcmsim.backend.mapupdate.DocumentedTransfer;
import io.pcmsim.backend.mapupdate.MapUpdateCounts;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.Topics;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.model.InstalledVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Map update end to end on the embedded broker with its topic policy, the in-process backend and map
 * provider, and real cars: entitlement, anonymous key, version query, chunks, installed, transfer documented
 * by key; a car that is not entitled and a car in privacy mode cause no map traffic; and nothing on
 * {@code maps/} or in the provider's records names a VIN, an owner or a user ID. Subclasses say which database.
 */
abstract class MapUpdateFlowContract {

    /** The backend's storage on top of the defaults (an H2 file in {@code dataDir} unless changed). */
    abstract BackendConfig.Builder storage(BackendConfig.Builder config);


    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension(b -> b.inProcessIngest());

    @TempDir
    Path dataDir;

    private Backend backend;
    private Fleet fleet;
    private Mqtt5AsyncClient observer;

    @AfterEach
    void tearDown() {
        if (observer != null) {
            observer.disconnect();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    record Seen(String topic, byte[] payload) {
        String text() {
            return topic + " " + new String(payload, StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    @Timeout(180)
    void mapUpdate_forEntitledCar_installsNewMapAndDocumentsTransferByKeyOnly() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2027-05-01T07:00:00Z"), 60);
        backend = Backend.inProcess(storage(BackendConfig.builder().dataDir(dataDir).clock(clock)).build(),
                BROKER.broker());
        backend.start().get(60, TimeUnit.SECONDS);
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        observer = MqttClient.builder().identifier("it-observer").serverHost(BROKER.host())
                .serverPort(BROKER.port()).useMqttVersion5().buildAsync();
        observer.connect().get(10, TimeUnit.SECONDS);
        observer.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> seen.add(new Seen(p.getTopic().toString(), p.getPayloadAsBytes())))
                .send().get(10, TimeUnit.SECONDS);

        // car 3 of 4 starts in privacy mode
        fleet = Fleet.create(FleetConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .vehicles(4).seed(4711).privacyFraction(0.25).clock(clock).wallClock(Clock.systemUTC())
                .reportInterval(Duration.ofHours(6)).build());
        List<EmulatedVehicle> cars = fleet.vehicles();
        EmulatedVehicle entitled = cars.get(0);
        EmulatedVehicle expired = cars.get(1);
        EmulatedVehicle switchedOff = cars.get(2);
        EmulatedVehicle privateCar = cars.get(3);
        assertThat(privateCar.settings().privacyMode()).isTrue();
        List<UserAccount> owners = new ArrayList<>();
        for (EmulatedVehicle car : cars) {
            UserAccount owner = backend.identity().register("Owner of " + car.vin().value().substring(11));
            owners.add(owner);
            backend.identity().link(owner.userId(), car.vin());
            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            Instant until = car == expired ? Instant.parse("2027-01-01T00:00:00Z") : Instant.parse("2030-01-01T00:00:00Z");
            backend.identity().grant(car.vin(), new ConnectivityPackage("Connect", from, until));
        }
        backend.mapUpdate().catalogue().publish("EU", "2040.1", 40_000);

        fleet.start().get(60, TimeUnit.SECONDS);
        switchedOff.setServiceEnabled(io.pcmsim.protocol.Service.MAP_UPDATE, false).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MapUpdateCounts counts = backend.mapUpdate().counts();
            assertThat(counts.entitlements()).isGreaterThanOrEqualTo(2);
            assertThat(counts.notEntitled()).isPositive();
        });

        CompletableFuture.allOf(cars.stream().map(EmulatedVehicle::startVehicle).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
        // the car holds its key once the backend's answer reached it (it asks again when an answer is lost):
        // a vehicle start before that checks nothing, so the entitled car starts again until it installed
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            if (backend.mapUpdate().counts().installed() == 0) {
                entitled.park().thenCompose(v -> entitled.startVehicle()).get(10, TimeUnit.SECONDS);
            }
            assertThat(backend.mapUpdate().counts().installed()).isEqualTo(1);
        });
        MapUpdateCounts counts = backend.mapUpdate().counts();
        assertThat(counts.checks()).as("checks of the entitled car with the service on").isPositive();
        assertThat(counts.offered()).isEqualTo(1);
        assertThat(entitled.installedMaps()).contains(new InstalledVersion("EU", "2040.1"));
        assertThat(expired.installedMaps()).doesNotContain(new InstalledVersion("EU", "2040.1"));
        assertThat(privateCar.installedMaps()).doesNotContain(new InstalledVersion("EU", "2040.1"));
        assertThat(switchedOff.installedMaps()).doesNotContain(new InstalledVersion("EU", "2040.1"));

        List<DocumentedTransfer> documented = backend.mapUpdate().recentTransfers(10);
        assertThat(documented).singleElement().satisfies(t -> {
            assertThat(t.region()).isEqualTo("EU");
            assertThat(t.version()).isEqualTo("2040.1");
        });
        AnonymousMapKey key = new AnonymousMapKey(documented.get(0).anonymousKey());
        assertThat(backend.mapUpdate().transfers(key)).isEqualTo(documented);

        // the wire: every maps/ message carries the key and versions only
        List<Seen> maps = seen.stream().filter(s -> s.topic().startsWith(Topics.MAPS_ROOT)).toList();
        assertThat(maps).extracting(Seen::topic).contains(Topics.map(key, "query"), Topics.map(key, "answer"),
                Topics.map(key, "package"), Topics.map(key, "installed"));
        assertThat(maps).as("only the entitled car's key on maps/")
                .allMatch(s -> s.topic().startsWith(Topics.MAPS_ROOT + key.value() + "/"));
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < cars.size(); i++) {
            secrets.add(cars.get(i).vin().value());
            secrets.add(owners.get(i).userId());
            secrets.add(owners.get(i).name());
        }
        for (Seen s : maps) {
            assertThat(secrets).as("identities in " + s.topic()).noneMatch(secret -> s.text().contains(secret));
        }
        List<MapTransfer> providerRecords = ((MapUpdateCentre) backend.mapUpdate()).provider().transfers();
        assertThat(providerRecords).singleElement().satisfies(t -> assertThat(secrets)
                .noneMatch(secret -> t.toString().contains(secret)));
        assertThat(BROKER.traffic()).as("no VIN connection publishes on maps/")
                .filteredOn(p -> p.topic().startsWith("maps/"))
                .noneMatch(p -> cars.stream().anyMatch(c -> c.vin().value().equals(p.clientId())))
                .allMatch(p -> p.clientId().startsWith("pcm-map-") || p.clientId().startsWith("pcmsim-map-provider"));
        assertThat(seen).as("the private car sent nothing at all")
                .noneMatch(s -> s.topic().contains(privateCar.vin().value()));
    }
}

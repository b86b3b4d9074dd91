package io.pcmsim.tools.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.backend.SmartServiceState;
import io.pcmsim.backend.VehicleStatus;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.InboundPublish;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcmsim vehicle} in this JVM, driven line by line through its standard input against the embedded
 * broker with a backend subscribed: what the console answers, what the car does, what the backend stores.
 */
@Timeout(180)
class VehicleConsoleIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static final List<Vin> VINS = new VinGenerator(4711).generate(6);
    private static final String START = "2027-01-01T08:00:00Z";
    private static final Pattern KEY_VALUE = Pattern.compile("(\\S+?)=(\\S+)");

    @TempDir
    static Path dataDir;

    private static Backend backend;

    @BeforeAll
    static void startBackend() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // the cars' simulated time runs ahead of the backend's real clock: accept any vehicle time of these runs
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("console-it-" + run).sharedGroup("console-it-" + run).dataDir(dataDir)
                .vehicleTimeWindow(Duration.ofDays(3650), Duration.ofDays(3650)).build());
        backend.start().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    private static ConsoleSession console(Vin vin) throws Exception {
        return ConsoleSession.start("--vin", vin.value(), "--broker", BROKER.url(), "--speed", "0", "--start", START);
    }

    @Test
    void statusStartDriveWaitStop_changeTheCar_andTheBackendStoresItsReports() throws Exception {
        Vin vin = VINS.get(0);
        try (ConsoleSession console = console(vin)) {
            Map<String, String> status = status(console);
            assertThat(status).containsEntry("vin", vin.value()).containsEntry("online", "yes")
                    .containsEntry("state", "parked").containsEntry("time", START).containsEntry("privacy", "off");
            awaitBackendHasEverythingAcknowledged(console, vin);

            assertThat(console.send("start")).isEqualTo("ok start ignition on");
            assertThat(status(console)).containsEntry("state", "ignition-on");
            assertThat(console.send("start")).isEqualTo("ok start no change, the car is ignition-on already");

            double odometerBefore = km(status(console).get("odometer"));
            assertThat(console.send("drive 12")).isEqualTo(
                    "ok drive 12.0 km at 40 km/h started, arrives 2027-01-01T08:18:00Z");
            assertThat(status(console)).containsEntry("state", "driving").containsEntry("arrives", "2027-01-01T08:18:00Z");

            String waited = console.send("wait 2h");
            assertThat(waited).startsWith("ok wait 2h now=2027-01-01T10:00:00Z ");
            Map<String, String> afterWait = pairs(waited);
            assertThat(Long.parseLong(afterWait.get("smart-service"))).as("hourly reports in 2 h").isGreaterThanOrEqualTo(2);
            assertThat(afterWait).containsEntry("state", "parked");
            assertThat(km(afterWait.get("odometer")) - odometerBefore).as("the trip's 12 km and then some")
                    .isGreaterThanOrEqualTo(12.0);
            awaitBackendHasEverythingAcknowledged(console, vin);

            assertThat(console.send("report")).isEqualTo("ok report acknowledged by the broker");
            double odometerNow = km(status(console).get("odometer"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(newestReported(vin).state()
                    .odometerKm().orElseThrow()).isCloseTo(odometerNow, offset(0.1)));

            assertThat(console.send("drive 50 80")).startsWith("ok drive 50.0 km at 80 km/h started, arrives ");
            assertThat(console.send("wait 10m")).contains(" state=driving ");
            assertThat(console.send("stop")).startsWith("ok stop parked, trip ended early odometer=");
            assertThat(status(console)).containsEntry("state", "parked");
            assertThat(console.send("workshop")).startsWith("ok workshop oil, brake pads, tyres and service interval renewed");
            assertThat(status(console).get("oil")).isEqualTo("100.0%");

            assertThat(console.endInput()).as("EOF quits; stderr: " + console.err()).isZero();
            assertThat(console.unread()).as("one answer per command, nothing else on stdout").isEmpty();
        }
    }

    @Test
    void privacyOn_makesTheCarSilent_nothingOfItsVinReachesTheBroker_untilItIsSwitchedOff() throws Exception {
        Vin vin = VINS.get(1);
        try (ConsoleSession console = console(vin)) {
            awaitBackendHasEverythingAcknowledged(console, vin);
            assertThat(console.send("privacy on")).isEqualTo("ok privacy on online=no boot="
                    + status(console).get("boot") + " (silent: no service may transmit)");
            long storedBefore = awaitBackendHasEverythingAcknowledged(console, vin);
            int mark = BROKER.traffic().size();

            Map<String, String> waited = pairs(console.send("wait 3h"));
            assertThat(waited).containsEntry("sent", "0").containsEntry("smart-service", "0");
            assertThat(Long.parseLong(waited.get("held-back"))).as("periodic reports held back").isPositive();
            assertThat(console.send("drive 5")).startsWith("ok drive 5.0 km");
            assertThat(console.send("report")).isEqualTo("ok report held back: privacy mode is on");
            assertThat(status(console)).containsEntry("online", "no").containsEntry("privacy", "on");

            List<InboundPublish> meanwhile = BROKER.trafficFrom(mark);
            assertThat(meanwhile).as("publishes of the private car or naming its VIN")
                    .noneMatch(p -> p.clientId().equals(vin.value()) || p.topic().contains(vin.value()));
            assertThat(backend.storedMessages(vin)).isEqualTo(storedBefore);

            String off = console.send("privacy off");
            assertThat(off).startsWith("ok privacy off online=yes boot=").doesNotContain("silent");
            await().atMost(Duration.ofSeconds(30)).until(() -> backend.storedMessages(vin) > storedBefore);
            assertThat(console.send("group without-location off")).startsWith("ok group without-location off online=");
            assertThat(console.send("report")).isEqualTo("ok report held back: the service group without-location is off");
            assertThat(console.send("group without-location on")).startsWith("ok group without-location on online=yes");
            assertThat(console.send("service smart-service off")).startsWith("ok service smart-service off online=yes");
            assertThat(console.send("report")).isEqualTo("ok report held back: the service smart-service is off");
            assertThat(console.send("service smart-service on")).startsWith("ok service smart-service on online=yes");
            assertThat(console.send("service breakdown off")).startsWith("ok service breakdown off");
            assertThat(status(console)).containsEntry("services-off", "breakdown");
            assertThat(console.send("report")).isEqualTo("ok report acknowledged by the broker");
            assertThat(console.send("maps")).matches("ok maps EU=[0-9.]+");
        }
    }

    @Test
    void wrongCommands_getAnErrorLineEach_andTheCarKeepsRunning() throws Exception {
        Vin vin = VINS.get(2);
        try (ConsoleSession console = console(vin)) {
            assertThat(console.send("dirve 12")).isEqualTo("error: unknown command 'dirve'; commands: status, start,"
                    + " stop, drive, wait, workshop, privacy, group, service, fault, breakdown, manual, update, maps, report, help, quit (help COMMAND for its usage)");
            assertThat(console.send("drive twelve")).isEqualTo(
                    "error: drive: 'twelve' is not a number of km; usage: drive KM [KMH]");
            assertThat(console.send("drive -3")).isEqualTo(
                    "error: drive: km must be above 0 and at most 5000, was -3; usage: drive KM [KMH]");
            assertThat(console.send("drive")).isEqualTo("error: drive: too few arguments; usage: drive KM [KMH]");
            assertThat(console.send("wait 5x")).startsWith("error: wait: '5x' is not a duration").endsWith(
                    "; usage: wait DURATION");
            assertThat(console.send("privacy maybe")).isEqualTo(
                    "error: privacy: 'maybe' is neither on nor off; usage: privacy on|off");
            assertThat(console.send("group everything off")).isEqualTo("error: group: 'everything' is not a service"
                    + " group; usage: group with-location|without-location on|off");
            assertThat(console.send("service login off")).isEqualTo("error: service: 'login' is not a service;"
                    + " usage: service smart-service|breakdown|software-update|manual|map on|off");
            assertThat(console.send("status now")).isEqualTo("error: status: too many arguments; usage: status");
            assertThat(console.send("help")).startsWith("ok help commands: status; start; stop; drive KM [KMH];");
            assertThat(console.send("help wait")).startsWith("ok help wait DURATION: lets DURATION of simulated time pass");
            assertThat(console.send("help fly")).startsWith("error: help: unknown command 'fly'; commands: status,");

            console.write("");
            console.write("   # a comment in a script");
            assertThat(console.send("STATUS")).as("blank lines and comments get no answer").startsWith("ok status vin=");
            assertThat(console.send("drive 3")).startsWith("ok drive 3.0 km at 25 km/h started");
            assertThat(console.send("quit")).isEqualTo("ok quit");
            assertThat(console.exitCode()).isZero();
            assertThat(console.err()).contains("stopping; 15 commands answered, 10 with an error");
        }
    }

    @Test
    void aBadVin_endsWithExitCode2_namingTheRule() throws Exception {
        try (ConsoleSession console = ConsoleSession.start("--vin", "WP0ZZZ99ZKS12345", "--broker", BROKER.url())) {
            assertThat(console.exitCode()).isEqualTo(2);
            assertThat(console.err()).contains("VIN [WP0ZZZ99ZKS12345] must have 17 characters, had 16");
        }
    }

    @Test
    void faultAndBreakdown_theCodesReachTheBackend_andEachCallCarriesTheConsentsGivenOrNothingLeaves() throws Exception {
        Vin vin = VINS.get(5);
        try (ConsoleSession console = console(vin)) {
            awaitBackendHasEverythingAcknowledged(console, vin);
            assertThat(console.send("fault list")).startsWith("ok fault faults: ").contains("misfire", "weak-12v-battery");
            assertThat(console.send("fault rocket")).startsWith("error: ").contains("rocket");
            assertThat(console.send("fault weak-12v-battery"))
                    .isEqualTo("ok fault weak-12v-battery active codes=P0562 warnings=W-12V-BATTERY (sent with the next report)");
            assertThat(console.send("report")).isEqualTo("ok report acknowledged by the broker");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(newestReported(vin).state().dtcs()).contains("P0562"));

            String call = console.send("breakdown --assistance yes");
            assertThat(call).matches("ok breakdown call=\\S+ sent assistance=yes dealer=no");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(backend.breakdown().ofVehicle(vin))
                    .singleElement().satisfies(c -> {
                        assertThat(c.callId()).isEqualTo(pairs(call).get("call"));
                        assertThat(c.consents()).isEqualTo(new Consents(true, false));
                    }));

            assertThat(console.send("breakdown --dealer maybe")).startsWith("error: ").contains("--dealer needs yes or no");
            assertThat(console.send("group with-location off")).startsWith("ok group ");
            assertThat(console.send("breakdown --assistance yes --dealer yes"))
                    .startsWith("ok breakdown refused: nothing sent, ");
            assertThat(console.send("report")).as("a later allowed message still arrives")
                    .isEqualTo("ok report acknowledged by the broker");
            awaitBackendHasEverythingAcknowledged(console, vin);
            assertThat(backend.breakdown().ofVehicle(vin)).as("the refused call left nothing").hasSize(1);
            assertThat(console.endInput()).isZero();
        }
    }

    @Test
    void anUnknownProfile_endsWithExitCode2_listingTheNames() throws Exception {
        try (ConsoleSession console = ConsoleSession.start("--vin", VINS.get(3).value(), "--profile", "rocket")) {
            assertThat(console.exitCode()).isEqualTo(2);
            assertThat(console.err()).contains("--profile: profile [rocket] is unknown; use a powertrain (combustion,"
                    + " plug-in-hybrid, battery-electric)");
        }
    }

    @Test
    void anUnreachableBroker_endsWithExitCode3_beforeReadingCommands() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (ConsoleSession console = ConsoleSession.start("--vin", VINS.get(4).value(),
                "--broker", "tcp://127.0.0.1:" + freePort, "--connect-timeout", "2s")) {
            assertThat(console.exitCode()).isEqualTo(3);
            assertThat(console.err()).contains("cannot reach the MQTT broker at tcp://127.0.0.1:" + freePort);
            assertThat(console.unread()).isEmpty();
        }
    }

    /** Waits until the backend stored every message the car says the broker acknowledged; returns that count. */
    private static long awaitBackendHasEverythingAcknowledged(ConsoleSession console, Vin vin) throws Exception {
        long acknowledged = Long.parseLong(status(console).get("acknowledged"));
        await().atMost(Duration.ofSeconds(30)).until(() -> backend.storedMessages(vin) >= acknowledged);
        assertThat(backend.storedMessages(vin)).isEqualTo(acknowledged);
        return acknowledged;
    }

    private static SmartServiceState newestReported(Vin vin) {
        return backend.vehicleStatus(vin).flatMap(VehicleStatus::smartService).orElseThrow();
    }

    private static Map<String, String> status(ConsoleSession console) throws Exception {
        String line = console.send("status");
        assertThat(line).startsWith("ok status ");
        return pairs(line);
    }

    private static Map<String, String> pairs(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = KEY_VALUE.matcher(line);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    private static double km(String value) {
        assertThat(value).endsWith("km");
        return Double.parseDouble(value.substring(0, value.length() - 2));
    }
}

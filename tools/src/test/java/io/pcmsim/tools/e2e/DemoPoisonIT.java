package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.proto.v1.VehicleState;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.Pcmsim;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Messages that decode but that the store cannot hold, published on real cars' topics while
 * {@code pcmsim demo} runs: each is rejected with its reason and counted, every car's own message is
 * stored, and the demo exits 0.
 */
class DemoPoisonIT {

    private static final long SEED = 11;
    private static final int CARS = 6;

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void demo_whenPoisonMessagesArriveOnCarTopics_rejectsEachAndStoresEveryCarMessage() throws Exception {
        int port = freePort();
        Path report = dir.resolve("poison.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("demo",
                "--vehicles", String.valueOf(CARS), "--duration", "10s", "--seed", String.valueOf(SEED),
                "--privacy-fraction", "0", "--port", String.valueOf(port), "--report", report.toString()));
        List<Vin> vins = new VinGenerator(SEED).generate(CARS);

        Map<String, UplinkEnvelope> poison = poison(vins.get(0));
        // once the first status line is out, the backend has subscribed and the cars are reporting
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("online " + CARS + "/" + CARS));
        try (TestPublisher intruder = TestPublisher.connect("127.0.0.1", port)) {
            for (UplinkEnvelope envelope : poison.values()) {
                intruder.publish(Service.SMART_SERVICE, envelope);
            }
            intruder.publishRetained(Topics.uplink(vins.get(1), Service.SMART_SERVICE),
                    Uplinks.smartService(vins.get(1), 1, 1, Uplinks.healthyState(100)).toByteArray());
        }

        assertThat(exit.get(140, TimeUnit.SECONDS)).as("exit code; stdout: %s%nstderr: %s", out, err).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        long carMessages = 0;
        for (JsonNode count : json.get("published")) {
            carMessages += count.asLong();
        }
        assertThat(json.get("stored").asLong()).as("every car's own message is stored").isEqualTo(carMessages);
        assertThat(json.get("notHandledByBackend").asLong()).isZero();
        JsonNode rejected = json.get("rejected");
        long rejectedTotal = 0;
        for (JsonNode count : rejected) {
            rejectedTotal += count.asLong();
        }
        assertThat(rejectedTotal).as("rejected %s", rejected).isEqualTo(poison.size() + 1);
        assertThat(rejected.fieldNames()).toIterable().contains("list-too-long", "number-not-finite",
                "string-too-long", "sequence-zero", "vehicle-time-out-of-window", "nul-character",
                "number-out-of-range", "retained");
    }

    /** Poison for one real car: each decodes, each would be wrong to store. Keyed by what is wrong. */
    private static Map<String, UplinkEnvelope> poison(Vin vin) {
        Map<String, UplinkEnvelope> poison = new LinkedHashMap<>();
        List<String> manyDtcs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            manyDtcs.add(String.format("P%04d", i % 10_000));
        }
        poison.put("5,000 trouble codes", report(vin, 1, s -> s.addAllDtc(manyDtcs)));
        poison.put("NaN oil life", report(vin, 2, s -> s.setEngineOilLifePercent(Double.NaN)));
        poison.put("5,000-character trouble code", report(vin, 3, s -> s.addDtc("P".repeat(5_000))));
        poison.put("NUL in a trouble code", report(vin, 4, s -> s.addDtc("P03\u000001")));
        poison.put("odometer beyond any car", report(vin, 5, s -> s.setOdometerKm(1e300)));
        UplinkEnvelope valid = report(vin, 6, s -> s);
        poison.put("sequence 0", withHeader(valid, h -> h.setSequence(0)));
        poison.put("ten years ahead", withHeader(valid, h -> h.setVehicleTimeMs(
                Instant.now().plus(Duration.ofDays(3_650)).toEpochMilli())));
        return poison;
    }

    private static UplinkEnvelope report(Vin vin, long sequence, UnaryOperator<VehicleState.Builder> change) {
        UplinkEnvelope healthy = Uplinks.smartService(vin, 1, sequence, Uplinks.healthyState(1_000));
        UplinkEnvelope.Builder builder = healthy.toBuilder();
        change.apply(builder.getSmartServiceBuilder().getStateBuilder());
        return withHeader(builder.build(), h -> h.setVehicleTimeMs(Instant.now().toEpochMilli()));
    }

    private static UplinkEnvelope withHeader(UplinkEnvelope envelope, UnaryOperator<Header.Builder> change) {
        UplinkEnvelope.Builder builder = envelope.toBuilder();
        change.apply(builder.getHeaderBuilder());
        return builder.build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return free.getLocalPort();
        }
    }
}

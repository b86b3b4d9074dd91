package io.pcmsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code .proto} files as they are, read by a stock {@code protoc} (the distribution's, with its
 * bundled {@code google/protobuf/descriptor.proto}), decode what the Java code writes. Needs
 * {@code protoc} on the PATH: skipped without it, required with {@code CI=true}.
 */
class StockProtocIT {

    private static final Path PROTO_ROOT = Path.of("src", "main", "proto");
    private static Path protoc;

    @BeforeAll
    static void findProtoc() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "protoc"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String message = "protoc is not installed: install it with `apt-get install protobuf-compiler`";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (required with CI=true)");
            }
            Assumptions.abort(message);
        }
        protoc = found.get();
    }

    @Test
    void protocDecode_readsAnUplinkEnvelopeWrittenByJava() throws Exception {
        UplinkEnvelope envelope = UplinkEnvelope.newBuilder()
                .setHeader(UplinkCodec.header(new UplinkHeader(Vin.of("WP0ZZZ99ZTS392124"), 7, 3,
                        Instant.parse("2027-03-01T10:00:00Z"))))
                .setSmartService(SmartServiceReport.newBuilder()
                        .setTrigger(SmartServiceReport.Trigger.THRESHOLD)
                        .addCrossedThresholds("engine-oil-life<15")
                        .setState(UplinkCodec.state(new VehicleSnapshot(1234.5, 10, 12, Wheels.all(20), 12.4,
                                Wheels.all(250), 250, 8000, Duration.ofDays(90), List.of("P0301")))))
                .build();

        String decoded = run(List.of(protoc.toString(), "-I", PROTO_ROOT.toString(),
                "--decode=pcm.v1.UplinkEnvelope", "pcm/v1/uplink.proto"), envelope.toByteArray());

        assertThat(decoded)
                .contains("vin: \"WP0ZZZ99ZTS392124\"")
                .contains("boot_id: 7")
                .contains("sequence: 3")
                .contains("trigger: THRESHOLD")
                .contains("crossed_thresholds: \"engine-oil-life<15\"")
                .contains("odometer_km: 1234.5")
                .contains("dtc: \"P0301\"");
    }

    @Test
    void protoc_compilesEveryFileForAnotherLanguage(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(protoc.toString(), "-I", PROTO_ROOT.toString(),
                "--python_out=" + out));
        try (Stream<Path> files = Files.list(PROTO_ROOT.resolve("pcm").resolve("v1"))) {
            files.filter(f -> f.toString().endsWith(".proto"))
                    .map(f -> PROTO_ROOT.relativize(f).toString())
                    .sorted()
                    .forEach(command::add);
        }

        run(command, new byte[0]);

        assertThat(out.resolve("pcm").resolve("v1").resolve("uplink_pb2.py")).exists();
        assertThat(out.resolve("pcm").resolve("v1").resolve("options_pb2.py")).exists();
    }

    private static String run(List<String> command, byte[] stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("protoc finished").isTrue();
        assertThat(process.exitValue()).as("protoc exit code; output:%n%s", output).isZero();
        return output;
    }
}

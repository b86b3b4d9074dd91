package io.pcmsim.tools.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pcmsim backend retention} through its picocli entry, on the H2 store a backend wrote: it deletes as of
 * {@code --now}, prints per class what it deleted and why, records the run, and refuses bad arguments with exit
 * code 2 and one sentence.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RetentionCommandIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int retention(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(Stream.concat(Stream.of("backend", "retention"), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void deletesAsOfNow_printsPerClassWhatAndWhy_andRecordsTheRun() throws Exception {
        Vin vin = Uplinks.randomVin();
        storeThroughABackend(vin);

        assertThat(retention("--now", "2026-06-08", "--data-dir", dir.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("as of 2026-06-08T00:00:00Z")
                .containsPattern("breakdown +keep P7D +cutoff 2026-06-01T00:00:00Z +deleted 0\\n")
                .contains("why: the notice keeps breakdown data");

        assertThat(retention("--now", "2026-06-08T12:00:00Z", "--data-dir", dir.toString())).as(err.toString())
                .isZero();
        assertThat(out.toString())
                .containsPattern("breakdown +keep P7D +cutoff 2026-06-01T12:00:00Z +deleted 2 \\(uplink_message 1,"
                        + " breakdown_case 1\\)")
                .containsPattern("smart-service +keep P30Y +cutoff 1996-06-08T12:00:00Z +deleted 0\\n")
                .contains("deleted 2 rows in all");

        try (Backend backend = Backend.create(config())) {
            List<RetentionRun> runs = backend.retention().runs(5);
            assertThat(runs).extracting(RetentionRun::triggeredBy).containsExactly(RetentionTrigger.CLI,
                    RetentionTrigger.CLI);
            assertThat(backend.storedMessages(vin)).as("the login and the Smart Service report stay").isEqualTo(2);
        }
    }

    @Test
    void badArguments_endWithExitCode2AndSaySo() {
        assertThat(retention("--now", "yesterday", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--now [yesterday] is neither an ISO 8601 instant");

        assertThat(retention("--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--now=DATE'");

        assertThat(retention("--now", "2027-01-08", "--data-dir", dir.toString(), "--jdbc-url", "jdbc:h2:mem:x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give --data-dir or --jdbc-url, not both");

        assertThat(retention("--now", "2027-01-08", "--data-dir", dir.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no backend store in " + dir.resolve("nothing").toAbsolutePath());

        assertThat(retention("--now", "2027-01-08", "--jdbc-url", "postgres://127.0.0.1/x")).isEqualTo(2);
        assertThat(err.toString()).contains("must start with jdbc:").doesNotContain("Exception");
    }

    private BackendConfig config() {
        return BackendConfig.builder().dataDir(dir.toAbsolutePath().resolve("backend"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** A login, a Smart Service report and a breakdown call, received at NOW by a backend on {@code dir}. */
    private void storeThroughABackend(Vin vin) throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).inProcessIngest().build();
        broker.start().get(60, TimeUnit.SECONDS);
        try (Backend backend = Backend.inProcess(config(), broker)) {
            backend.start().get(60, TimeUnit.SECONDS);
            try (TestPublisher car = TestPublisher.connect(broker.host(), broker.port())) {
                car.publish(Service.LOGIN, Uplinks.login(vin, 1, 1));
                car.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.healthyState(100)));
                car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 3));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> backend.storedMessages(vin) == 3);
        } finally {
            broker.close();
        }
    }
}

package io.pcmsim.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.PostgresSchema;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code pcmsim bench ingest} with a few messages: what it prints and its exit code, never its speed. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class IngestBenchCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void assertBothMeasured(int exit, int messages) {
        assertThat(exit).as("stdout: %s%nstderr: %s", out, err).isZero();
        String n = String.format("%,d", messages);
        assertThat(out.toString())
                .containsPattern("raw subscriber +" + n + " of " + n + " received in [0-9.]+ s: [0-9,]+ msg/s")
                .containsPattern("backend +" + n + " of " + n + " stored in [0-9.]+ s: [0-9,]+ msg/s \\(rejected 0,"
                        + " duplicates [0-9]+\\)")
                .containsPattern("ratio +[0-9.]+ \\(backend / raw subscriber\\)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void benchIngest_onTheEmbeddedBroker_measuresTheRawSubscriberAndTheInProcessBackend() {
        int exit = run("bench", "ingest", "--messages", "600", "--vehicles", "200", "--clients", "20",
                "--warm-up", "300");

        assertBothMeasured(exit, 600);
        assertThat(out.toString()).contains("on the embedded broker, backend in-process")
                .containsPattern("warm-up before  raw subscriber 300 of 300 received .*; backend 300 of 300 stored");
    }

    @Test
    void benchIngest_onMosquittoWithPostgres_measuresTheRawSubscriberAndTheBackendOverMqtt() {
        ExternalServices.requireMosquitto();
        ExternalServices.requirePostgres();
        PostgresSchema schema = PostgresSchema.create();
        try {
            int exit = run("bench", "ingest", "--messages", "600", "--vehicles", "200", "--clients", "4",
                    "--window", "20", "--warm-up", "0",
                    "--broker", "tcp://" + ExternalServices.HOST + ":" + ExternalServices.MOSQUITTO_PORT,
                    "--jdbc-url", schema.jdbcUrl());

            assertBothMeasured(exit, 600);
            assertThat(out.toString()).contains("backend over MQTT, store jdbc:postgresql:");
        } finally {
            schema.drop();
        }
    }

    @Test
    void benchIngest_onAMosquittoOfItsOwn_measuresWithoutLossAndStopsTheBrokerAfterwards() {
        ExternalServices.requireExecutable("mosquitto", "install it with `apt-get install mosquitto`");
        ExternalServices.requirePostgres();
        PostgresSchema schema = PostgresSchema.create();
        try {
            int exit = run("bench", "ingest", "--mosquitto", "--messages", "3000", "--vehicles", "300",
                    "--warm-up", "600", "--jdbc-url", schema.jdbcUrl());

            assertBothMeasured(exit, 3000);
            Matcher on = Pattern.compile("lead at most 1,000, on tcp://127\\.0\\.0\\.1:(\\d+) \\(a Mosquitto of the"
                    + " bench's own\\), backend over MQTT").matcher(out.toString());
            assertThat(on.find()).as(out.toString()).isTrue();
            assertThat(ExternalServices.reachable(Integer.parseInt(on.group(1)))).as("the bench's broker still runs")
                    .isFalse();
        } finally {
            schema.drop();
        }
    }

    @Test
    void benchIngest_withMosquittoAndBroker_exitsWith2() {
        assertThat(run("bench", "ingest", "--mosquitto", "--broker", "tcp://127.0.0.1:1883")).isEqualTo(2);
        assertThat(err.toString()).contains("--mosquitto starts a broker of its own; leave --broker out");
    }

    @Test
    void benchIngest_whenBrokerUnreachable_saysSoInOneSentenceAndExitsWith1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int exit = run("bench", "ingest", "--messages", "10", "--broker", "tcp://127.0.0.1:" + port);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("pcmsim bench ingest: cannot connect to the MQTT broker at tcp://127.0.0.1:"
                + port).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void benchIngest_whenDatabaseUnusable_saysSoInOneSentenceAndExitsWith1() {
        int exit = run("bench", "ingest", "--messages", "10", "--jdbc-url", "jdbc:nosuchdb://nowhere");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("pcmsim bench ingest: ").contains("check --jdbc-url")
                .doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void benchIngest_whenBrokerIsNoTcpUrl_exitsWith2() {
        assertThat(run("bench", "ingest", "--broker", "localhost:1883")).isEqualTo(2);
        assertThat(err.toString()).contains("--broker must look like tcp://host:port");
    }
}

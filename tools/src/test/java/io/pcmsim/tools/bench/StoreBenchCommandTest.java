package io.pcmsim.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StoreBenchCommandTest {

    @Test
    void benchStore_whenRun_reportsEveryRoundOnTopOfThePrevious() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("bench", "store", "--vehicles", "20", "--messages", "200", "--rounds", "2",
                "--batch", "50");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString())
                .contains("20 vehicles, 200 messages per round, batches of 50")
                .containsPattern("round 1 \\(warm-up\\): [0-9.]+ µs per message .* 200 rows in uplink_message")
                .containsPattern("round 2: [0-9.]+ µs per message .* 400 rows in uplink_message");
    }

    @Test
    void benchStore_withSeveralWriters_storesEveryRoundThroughAllLanes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("bench", "store", "--vehicles", "30", "--messages", "300", "--rounds", "2",
                "--batch", "40", "--writers", "3");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("batches of 40, 3 writer lanes")
                .containsPattern("round 2: [0-9.]+ µs per message .* 600 rows in uplink_message");
    }

    @Test
    void benchStoreFloor_writesTheRawMessagesOfEveryRound() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("bench", "store", "--floor", "--vehicles", "20", "--messages", "200", "--rounds", "2",
                "--batch", "50");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("the raw messages and the newest states only")
                .containsPattern("round 2: [0-9.]+ µs per message .* 420 rows in uplink_message");
    }

    @Test
    void benchStore_whenWritersOutOfRange_exitsWith2() {
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("bench", "store", "--writers", "17")).isEqualTo(2);
        assertThat(err.toString()).contains("--writers 1 to 16");
    }

    @Test
    void benchStore_whenSizeNotPositive_exitsWith2() {
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("bench", "store", "--batch", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("must be at least 1");
    }

    @Test
    void benchStore_whenDatabaseUnusable_saysSoInOneSentenceWithoutAStackTrace(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        String missing = "jdbc:h2:file:" + dir.resolve("none").resolve("db") + ";IFEXISTS=TRUE";

        int exit = cli.execute("bench", "store", "--jdbc-url", missing);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("pcmsim bench store: cannot prepare the schema of jdbc:h2:file:")
                .contains("check --jdbc-url")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}

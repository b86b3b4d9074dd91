package io.pcmsim.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code pcmsim demo} refuses before it starts anything: each case exits with 2 at once and says
 * in one sentence what is wrong, naming the value.
 */
@Timeout(30)
class DemoCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int demo(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void demo_whenReportPathIsAFolder_refusesBeforeTheRun() {
        Instant before = Instant.now();

        int exit = demo("--duration", "30s", "--report", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--report " + dir.toAbsolutePath() + " is a folder");
        assertThat(out.toString()).as("nothing started").isEmpty();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void demo_whenReportFolderMissing_namesIt() {
        int exit = demo("--report", dir.resolve("no-such-folder").resolve("r.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the folder " + dir.resolve("no-such-folder").toAbsolutePath()
                + " does not exist");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void demo_whenFleetExceedsTheFileDescriptorLimit_namesLimitAndNeed() {
        DescriptorBudget budget = DescriptorBudget.ofThisProcess().orElseThrow();
        assumeTrue(budget.needed(1_000_000) > budget.limit(), "this process may open " + budget.limit()
                + " file descriptors, enough for a million cars");

        int exit = demo("--vehicles", "1000000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .containsPattern("1000000 cars need about 2\\d{6} file descriptors")
                .contains("may open only " + budget.limit() + " (ulimit -n)")
                .contains("use at most --vehicles ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void demo_whenPortIsTaken_saysSoInOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int exit = demo("--port", String.valueOf(taken.getLocalPort()));

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).isEqualToIgnoringNewLines("pcmsim demo: port " + taken.getLocalPort()
                    + " is in use on 127.0.0.1; choose another --port or 0 (any free port)");
        }
    }
}

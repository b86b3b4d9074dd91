package io.pcmsim.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code pcmsim bench fleet}'s options: a wrong one is a usage error naming it, before anything starts. */
class FleetBenchCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--vehicles|0|--vehicles must be at least 1, was 0",
        "--mode|loud|Invalid value for option '--mode'",
        "--connect-rate|-1|--connect-rate must be 0 (no limit) or a positive number",
        "--connect-concurrency|0|--connect-concurrency must be at least 1, was 0",
        "--duration|0s|--duration must be positive",
        "--connect-timeout|0s|--connect-timeout must be positive",
        "--broker|ssl://127.0.0.1:8883|the benchmark does not speak TLS",
        "--broker|http://x|--broker",
        "--vehicles|2000000000|2000000000 clients need about 2000000100 file descriptors",
    })
    void benchFleet_whenAnOptionIsWrong_exitsWith2NamingIt(String option, String value, String message) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("bench", "fleet", option, value);

        assertThat(exit).as("stdout: %s", out).isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(out.toString()).doesNotContain("clients per side against");
    }
}

package io.pcmsim.tools.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code scenarios/owners-manual.yaml} through {@code pcmsim run}: its manual events and expectations, and the
 * owner's manual's figures in its report.
 */
class OwnersManualScenarioIT {

    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void ownersManual_meetsItsExpectations_andReportsTheManualsFigures() throws Exception {
        Path report = folder.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("run", Path.of("..", "scenarios", "owners-manual.yaml").toString(), "--report",
                report.toString());

        assertThat(exit).as("out:%n%s%nerr:%n%s", out, err).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode manual = json.at("/backend/manualEvents");
        assertThat(manual.path("unknownCodes").asLong()).isEqualTo(4);
        assertThat(manual.path("messagesShown").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(manual.path("favourites").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(out.toString()).contains("ok     manualEvents (line ").contains("  manual          {events=");
    }
}

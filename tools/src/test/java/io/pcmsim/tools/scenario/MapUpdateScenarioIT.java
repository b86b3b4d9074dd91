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

/** The shipped scenarios/map-update.yaml: the map release, the checks and installs, and its expectations. */
class MapUpdateScenarioIT {

    @TempDir
    Path folder;

    @Test
    @Timeout(180)
    void mapUpdateScenario_meetsItsExpectations_andReportsTheMapCounts() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path report = folder.resolve("report.json");

        int exit = cli.execute("run", Path.of("..", "scenarios", "map-update.yaml").toString(), "--report",
                report.toString());

        assertThat(exit).as("out:%n%s%nerr:%n%s", out, err).isZero();
        JsonNode maps = new ObjectMapper().readTree(report.toFile()).at("/backend/mapUpdates");
        assertThat(maps.get("keysIssued").asLong()).as("one key per login of the 5 cars that may log in")
                .isGreaterThanOrEqualTo(4);
        assertThat(maps.get("checks").asLong()).isEqualTo(8);
        assertThat(maps.get("offered").asLong()).isEqualTo(4);
        assertThat(maps.get("installed").asLong()).isEqualTo(4);
        assertThat(out.toString()).contains("map update").contains("ok     mapUpdates");
    }

    @Test
    void mapRelease_withAnOlderShapedVersion_isRefusedWithItsLine() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        Path file = folder.resolve("bad.yaml");
        java.nio.file.Files.writeString(file, "name: bad\nduration: 1h\nbroker: embedded\nbackend: embedded\n"
                + "fleet:\n  - group: a\n    count: 1\ntimeline:\n  - at: 1m\n    event: map-release\n"
                + "    region: Europe\n    version: \"2040.1\"\nexpect:\n  - mapUpdates: {installed: 1}\n");

        assertThat(cli.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:9").contains("map region [Europe]");
    }
}

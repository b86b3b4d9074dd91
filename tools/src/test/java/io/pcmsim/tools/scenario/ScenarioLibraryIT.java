package io.pcmsim.tools.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.tools.Pcmsim;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every scenario shipped in {@code scenarios/} runs green through {@code pcmsim run}, in-process, at a
 * higher speed (the large one scaled down), and a scenario whose expectations cannot hold fails with exit
 * code 5 naming each.
 */
class ScenarioLibraryIT {

    private static final Path LIBRARY = Path.of("..", "scenarios");

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    /**
     * The file, the options that keep its run to seconds, and values its report must have (JSON pointer to
     * number) besides its expectations: the counts no expectation covers.
     */
    static Stream<Arguments> library() {
        return Stream.of(
                Arguments.of("quickstart.yaml", List.of("--speed", "10800"), Map.of()),
                Arguments.of("privacy-mode.yaml", List.of("--speed", "7200"), Map.of()),
                Arguments.of("network-outage.yaml", List.of("--speed", "7200"), Map.of()),
                Arguments.of("reconnect-storm.yaml", List.of("--speed", "2400"), Map.of()),
                Arguments.of("year-of-wear.yaml", List.of("--speed", "4000000"), Map.of()),
                Arguments.of("fleet-10000.yaml", List.of("--vehicles-scale", "0.005", "--speed", "1800"), Map.of()),
                Arguments.of("breakdown-calls.yaml", List.of(), Map.of(
                        "/breakdownCalls/inCars", 5L, "/breakdownCalls/refusedByCarSettings", 1L,
                        "/breakdownCalls/inApp", 2L, "/breakdownCalls/appCallsNotPlaced", 0L,
                        "/faults/injected", 6L, "/faults/skippedCarCannotHaveIt", 1L)),
                Arguments.of("software-update.yaml", List.of(), Map.of(
                        "/backend/softwareUpdates/declined", 0L, "/backend/softwareUpdates/notEntitled", 0L)),
                Arguments.of("map-update.yaml", List.of(), Map.of("/backend/mapUpdates/offered", 4L)),
                Arguments.of("faults-and-workshop.yaml", List.of("--speed", "7200"), Map.of(
                        "/faults/injected", 15L, "/faults/skippedCarCannotHaveIt", 1L)),
                Arguments.of("owners-manual.yaml", List.of(), Map.of(
                        "/backend/manualEvents/unknownCodes", 4L, "/faults/injected", 4L)));
    }

    @Test
    void library_everyScenarioFile_isInTheTest() throws IOException {
        try (Stream<Path> files = Files.list(LIBRARY)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(library().map(a -> (String) a.get()[0]).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    @Timeout(180)
    void run_aShippedScenario_meetsItsExpectations(String file, List<String> options, Map<String, Long> counts)
            throws IOException {
        Path report = folder.resolve("report.json");
        List<String> args = new ArrayList<>(List.of(LIBRARY.resolve(file).toString(), "--report", report.toString()));
        args.addAll(options);

        int exit = run(args.toArray(String[]::new));

        assertThat(exit).as("exit code; out:%n%s%nerr:%n%s", out, err).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("expectations")).isNotEmpty().allSatisfy(e -> assertThat(e.get("passed").asBoolean()).isTrue());
        counts.forEach((pointer, value) -> assertThat(json.at(pointer).asLong()).as(pointer).isEqualTo(value));
        assertThat(out.toString()).contains("expectations").doesNotContain("FAILED");
    }

    @Test
    @Timeout(120)
    void run_expectationsThatCannotHold_exitWith5AndNameEachWithExpectedAndActual() throws Exception {
        Path file = Path.of(ScenarioLibraryIT.class.getResource("/scenarios/must-fail.yaml").toURI());

        int exit = run(file.toString());

        assertThat(exit).as("out:%n%s%nerr:%n%s", out, err).isEqualTo(RunCommand.EXPECTATION_FAILED);
        assertThat(err.toString())
                .contains("pcmsim run: expectation not met: must-fail.yaml:10: stored: expected at least 1000000, was ")
                .containsPattern("must-fail.yaml:12: maintenanceNeeds: expected exactly 0 ENGINE_OIL needs, was \\d+|\\A(?s).*")
                .doesNotContain("rejected:");
        assertThat(out.toString()).contains("FAILED stored (line 10)").contains("ok     rejected (line 16)");
    }

    @Test
    void run_aBrokenFile_exitsWith2AndStartsNothing() throws IOException {
        Path file = folder.resolve("broken.yaml");
        Files.writeString(file, "duration: 2x\nfleet:\n  - group: a\n    count: 1\ntimeline:\n  - at: 1h\n    event: drive\n");

        int exit = run(file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(
                "pcmsim run: broken.yaml:1: duration: \"2x\" is not a duration (use 30s, 5m, 2h, 1d)",
                "pcmsim run: broken.yaml:6: timeline[0].for: missing",
                "pcmsim run: broken.yaml:6: timeline[0].distanceKm: missing",
                "3 problems in " + file + "; nothing was started");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void run_aVinThatIsNotInTheFleet_isRefusedBeforeTheRun() throws IOException {
        Path file = folder.resolve("vins.yaml");
        Files.writeString(file, "duration: 1h\nfleet:\n  - group: a\n    count: 2\ntimeline:\n  - at: 1m\n"
                + "    event: park\n    vins: [WP0ZZZ99ZTS392124]\n");

        int exit = run(file.toString(), "--vehicles-scale", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--vehicles-scale must be above 0 and at most 100, was 0.0");
        err.getBuffer().setLength(0);

        exit = run(file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("pcmsim run: vins.yaml:6: timeline[0].vins[0]: WP0ZZZ99ZTS392124 is not a car"
                + " of this fleet (seed 1, 2 cars; the first is ");
    }
}

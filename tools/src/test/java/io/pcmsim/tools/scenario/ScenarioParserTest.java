package io.pcmsim.tools.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pcmsim.backend.Component;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    /** A valid file; broken ones below change one or two lines of it. Line numbers matter. */
    private static final String VALID = """
            name: test
            seed: 5
            clock:
              start: 2027-01-01T08:00:00Z
              speed: 3600
            duration: 12h
            broker: embedded
            backend: embedded
            fleet:
              - group: commuters
                count: 10
                privacyMode: 0.2
                disabledServices: [smart-service]
              - group: others
                count: 5
                disabledServiceGroups: [with-location]
            timeline:
              - at: 2h
                group: commuters
                share: 0.5
                event: drive
                for: 45m
                distanceKm: 38
              - at: 1h
                event: privacy-mode
                switch: on
              - at: 3h
                event: broker-restart
                for: 10m
            expect:
              - noMessageLost: true
              - maintenanceNeeds:
                  component: brake-pads
                  atLeast: 1
              - stored:
                  atLeast: 100
                  atMost: 1000
            """;

    @Test
    void parse_aValidFile_readsEveryField() {
        Scenario s = ScenarioParser.parse("test.yaml", VALID);

        assertThat(s.seed()).isEqualTo(5);
        assertThat(s.start()).contains(Instant.parse("2027-01-01T08:00:00Z"));
        assertThat(s.speed()).isEqualTo(3600);
        assertThat(s.duration()).isEqualTo(Duration.ofHours(12));
        assertThat(s.broker()).isEmpty();
        assertThat(s.vehicles()).isEqualTo(15);
        assertThat(s.groups().get(0).disabledServices()).containsExactly(Service.SMART_SERVICE);
        assertThat(s.groups().get(1).disabledGroups()).containsExactly(ServiceGroup.WITH_LOCATION);
        assertThat(s.timeline()).extracting(e -> e.event().kind()).as("ordered by time")
                .containsExactly("privacy-mode", "drive", "broker-restart");
        assertThat(s.timeline().get(1).event()).isEqualTo(new Event.Drive(Duration.ofMinutes(45), 38));
        assertThat(s.timeline().get(1).target()).isEqualTo(new Target(Optional.of("commuters"), 0.5, List.of()));
        assertThat(s.timeline().get(1).line()).isEqualTo(18);
        assertThat(s.expectations()).containsExactly(new Expectation.NoMessageLost(31),
                new Expectation.MaintenanceNeeds(32, Optional.of(Component.BRAKE_PADS), Optional.of(1L), Optional.empty()),
                new Expectation.Stored(35, Optional.of(100L), Optional.of(1000L)));
    }

    static List<Arguments> brokenFiles() {
        return List.of(
                Arguments.of("  - at: 2h\n", "  - at: 2x\n",
                        List.of("test.yaml:18: timeline[0].at: \"2x\" is not a duration (use 30s, 5m, 2h, 1d)")),
                Arguments.of("duration: 12h\n", "duraton: 12h\n",
                        List.of("test.yaml:6: duraton: unknown field; did you mean duration? (known here: backend,"
                                + " breakdownPullTimeout, broker, clock, description, duration, expect, fleet, name, reportInterval,"
                                + " seed, timeline)",
                                "test.yaml:1: duration: missing")),
                Arguments.of("    event: drive\n", "    event: drve\n",
                        List.of("test.yaml:21: timeline[0].event: \"drve\" is not an event; did you mean drive? (events:"
                                + " breakdown-call, broker-restart, come-and-go, come-back, drive, fault, go-away,"
                                + " install-failure, manual-chapter, manual-message, map-release, network-outage, park,"
                                + " privacy-mode, service, service-group, smart-service-report, software-campaign,"
                                + " update-decision, vehicle-start, workshop)")),
                Arguments.of("    group: commuters\n    share", "    group: comuters\n    share",
                        List.of("test.yaml:19: timeline[0].group: \"comuters\" is not a group of the fleet (commuters,"
                                + " others, or all); did you mean commuters?")),
                Arguments.of("    share: 0.5\n", "    share: 1.5\n",
                        List.of("test.yaml:20: timeline[0].share: \"1.5\" is out of range (0 to 1)")),
                Arguments.of("    count: 10\n", "    count: ten\n",
                        List.of("test.yaml:11: fleet[0].count: \"ten\" is not a whole number")),
                Arguments.of("    switch: on\n", "    switch: maybe\n",
                        List.of("test.yaml:26: timeline[1].switch: \"maybe\" is not on or off")),
                Arguments.of("broker: embedded\n", "broker: http://example.com\n",
                        List.of("test.yaml:7: broker: 'http://example.com' has the scheme http://, which pcmsim does not"
                                + " speak; use embedded, tcp://HOST:PORT, or ssl://HOST:PORT for TLS")),
                Arguments.of("broker: embedded\n", "broker: tcp://127.0.0.1:1883\n",
                        List.of("test.yaml:28: timeline[2].event: a broker restart needs the embedded broker"
                                + " (broker: embedded)")),
                Arguments.of("backend: embedded\n", "backend: none\n",
                        List.of("test.yaml:31: expect[0].noMessageLost: needs the backend in this process (backend: embedded)",
                                "test.yaml:32: expect[1].maintenanceNeeds: needs the backend in this process (backend: embedded)",
                                "test.yaml:35: expect[2].stored: needs the backend in this process (backend: embedded)")),
                Arguments.of("      component: brake-pads\n", "      component: wipers\n",
                        List.of("test.yaml:33: expect[1].maintenanceNeeds.component: \"wipers\" is not a component"
                                + " (ENGINE_OIL, BRAKE_PADS, LOW_VOLTAGE_BATTERY, TIRE_PRESSURE, SERVICE_INTERVAL,"
                                + " DIAGNOSTIC_TROUBLE_CODES, ENGINE_OIL_LEVEL, BRAKE_FLUID, HIGH_VOLTAGE_BATTERY,"
                                + " WASHER_FLUID)")),
                Arguments.of("      atMost: 1000\n", "      atMost: 10\n",
                        List.of("test.yaml:37: expect[2].stored.atMost: is below atLeast (100)")),
                Arguments.of("  - noMessageLost: true\n", "  - noMesageLost: true\n",
                        List.of("test.yaml:31: expect[0].noMesageLost: unknown expectation; did you mean noMessageLost?"
                                + " (known: allOnlineAtEnd, breakdownCases, maintenanceNeeds, manualEvents, mapUpdates,"
                                + " noMessageLost, nothingReceivedWhilePrivate, pullsTimedOut, rejected, softwareUpdates, stored)")),
                Arguments.of("    disabledServices: [smart-service]\n", "    disabledServices: [smart-servce]\n",
                        List.of("test.yaml:13: fleet[0].disabledServices[0]: \"smart-servce\" is not a service"
                                + " (smart-service, breakdown, software-update, manual, map); did you mean smart-service?")),
                Arguments.of("  - group: others\n", "  - group: commuters\n",
                        List.of("test.yaml:14: fleet[1].group: \"commuters\" names two groups")),
                Arguments.of("    for: 10m\n", "    for: 10m\n    group: others\n",
                        List.of("test.yaml:30: timeline[2].group: unknown field (known here: at, event, for)")),
                Arguments.of("  - at: 2h\n", "  - at: 13h\n",
                        List.of("test.yaml:18: timeline[0].at: is after the end of the run (duration 12h)")),
                Arguments.of("seed: 5\n", "seed: 5\nseed: 6\n",
                        List.of("test.yaml:3: seed: given twice")),
                Arguments.of("  start: 2027-01-01T08:00:00Z\n", "  start: tomorrow\n",
                        List.of("test.yaml:4: clock.start: \"tomorrow\" is not an instant (use 2027-01-01T08:00:00Z)")));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void parse_aBrokenFile_namesFileLineAndFieldOfEveryProblem(String line, String replacement, List<String> expected) {
        assertThat(VALID).contains(line);
        String broken = VALID.replaceFirst(java.util.regex.Pattern.quote(line),
                java.util.regex.Matcher.quoteReplacement(replacement));

        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse("test.yaml", broken), ScenarioException.class);

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).containsExactlyElementsOf(expected);
    }

    @Test
    void parse_severalProblems_reportsThemAllAtOnce() {
        String broken = VALID.replace("  - at: 2h\n", "  - at: 2x\n").replace("    count: 10\n", "    count: 0\n")
                .replace("      atMost: 1000\n", "      atMost: many\n");

        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse("test.yaml", broken), ScenarioException.class);

        assertThat(e.problems()).containsExactly(
                "test.yaml:11: fleet[0].count: \"0\" is out of range (1 to 100000)",
                "test.yaml:18: timeline[0].at: \"2x\" is not a duration (use 30s, 5m, 2h, 1d)",
                "test.yaml:37: expect[2].stored.atMost: \"many\" is not a whole number");
    }

    @Test
    void parse_notYaml_namesTheLine() {
        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse("x.yaml", "name: a\nfleet: [\n  - b: c\n"),
                ScenarioException.class);
        assertThat(e.problems()).singleElement().asString().startsWith("x.yaml:3: not valid YAML: ");
    }

    @Test
    void parse_anEmptyFile_saysWhatAScenarioNeeds() {
        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse("x.yaml", "# nothing\n"), ScenarioException.class);
        assertThat(e.problems()).containsExactly(
                "x.yaml:1: the file is empty; a scenario needs at least duration and fleet (see docs/scenarios.md)");
    }

    @Test
    void parse_aListAtTheTop_isRefused() {
        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse("x.yaml", "- a\n- b\n"), ScenarioException.class);
        assertThat(e.problems()).contains("x.yaml:1: must be a mapping (key: value lines), was a list");
    }

    @Test
    void parse_aMissingFolderOrBinaryFile_saysWhich(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path binary = java.nio.file.Files.write(dir.resolve("b.yaml"), new byte[] {(byte) 0xC3, 0x28});

        assertThat(catchThrowableOfType(() -> ScenarioParser.parse(dir.resolve("none.yaml")), ScenarioException.class)
                .problems()).containsExactly("none.yaml: no such file");
        assertThat(catchThrowableOfType(() -> ScenarioParser.parse(binary), ScenarioException.class).problems())
                .containsExactly("b.yaml: not a text file in UTF-8");
        assertThat(catchThrowableOfType(() -> ScenarioParser.parse(dir), ScenarioException.class).problems())
                .singleElement().asString().endsWith(": cannot read the file (it is a folder)");
    }

    /** {@link #VALID} with faults, breakdown calls and their expectations; broken ones below change one line. */
    private static final String CALLS = """
            duration: 2h
            breakdownPullTimeout: 30m
            fleet:
              - group: cars
                count: 4
            timeline:
              - at: 10m
                event: fault
                fault: misfire
              - at: 20m
                group: cars
                event: breakdown-call
                assistance: yes
                dealer: no
              - at: 30m
                event: breakdown-call
                placedIn: app
            expect:
              - breakdownCases:
                  forwardedTo: assistance
                  atLeast: 1
              - breakdownCases:
                  atMost: 2
              - pullsTimedOut:
                  atMost: 1
            """;

    @Test
    void parse_faultsBreakdownCallsAndTheirExpectations() {
        Scenario s = ScenarioParser.parse("calls.yaml", CALLS);

        assertThat(s.breakdownPullTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.timeline()).extracting(TimedEvent::event).containsExactly(
                new Event.InjectFault(io.pcmsim.vehicle.model.Fault.MISFIRE),
                new Event.BreakdownCall(true, false, false),
                new Event.BreakdownCall(false, false, true));
        assertThat(s.expectations()).containsExactly(
                new Expectation.BreakdownCases(19, Optional.of(BreakdownFilter.FORWARDED_TO_ASSISTANCE), Optional.of(1L),
                        Optional.empty()),
                new Expectation.BreakdownCases(22, Optional.empty(), Optional.empty(), Optional.of(2L)),
                new Expectation.PullsTimedOut(24, Optional.empty(), Optional.of(1L)));
        assertThat(s.scaled(0.5).expectations()).containsExactly(
                new Expectation.BreakdownCases(19, Optional.of(BreakdownFilter.FORWARDED_TO_ASSISTANCE), Optional.of(0L),
                        Optional.empty()),
                new Expectation.BreakdownCases(22, Optional.empty(), Optional.empty(), Optional.of(1L)),
                new Expectation.PullsTimedOut(24, Optional.empty(), Optional.of(0L)));
        assertThat(ScenarioParser.parse("d.yaml", "duration: 1h\nfleet: [{group: a, count: 1}]\n").breakdownPullTimeout())
                .isEqualTo(Duration.ofMinutes(2));
    }

    static List<Arguments> brokenCalls() {
        return List.of(
                Arguments.of("    fault: misfire\n", "    fault: misfyre\n",
                        List.of("calls.yaml:9: timeline[0].fault: \"misfyre\" is not a fault; did you mean misfire?"
                                + " (faults: slow-tyre-leak, weak-12v-battery, misfire, catalyst, lean-mixture,"
                                + " coolant-thermostat, oil-leak, wheel-speed-sensor, hv-battery-degraded,"
                                + " hv-isolation)")),
                Arguments.of("    fault: misfire\n", "",
                        List.of("calls.yaml:7: timeline[0].fault: missing")),
                Arguments.of("    assistance: yes\n", "    assistance: maybe\n",
                        List.of("calls.yaml:13: timeline[1].assistance: \"maybe\" is not yes or no")),
                Arguments.of("    dealer: no\n", "    dealer: [no]\n",
                        List.of("calls.yaml:14: timeline[1].dealer: must be a single value, was a list")),
                Arguments.of("    placedIn: app\n", "    placedIn: phone\n",
                        List.of("calls.yaml:17: timeline[2].placedIn: \"phone\" is not car or app (car: the driver"
                                + " calls in the car; app: the owner places the call in the app)")),
                Arguments.of("    dealer: no\n", "    dealer: no\n    placed: car\n",
                        List.of("calls.yaml:15: timeline[1].placed: unknown field; did you mean placedIn? (known here:"
                                + " assistance, at, dealer, event, group, placedIn, share, vins)")),
                Arguments.of("duration: 2h\n", "duration: 2h\nbackend: none\n",
                        List.of("calls.yaml:3: breakdownPullTimeout: is a setting of the backend in this process"
                                + " (backend: embedded)",
                                "calls.yaml:18: timeline[2].placedIn: a call placed in the app needs the backend in this"
                                + " process (backend: embedded)",
                                "calls.yaml:20: expect[0].breakdownCases: needs the backend in this process"
                                + " (backend: embedded)",
                                "calls.yaml:23: expect[1].breakdownCases: needs the backend in this process"
                                + " (backend: embedded)",
                                "calls.yaml:25: expect[2].pullsTimedOut: needs the backend in this process"
                                + " (backend: embedded)")),
                Arguments.of("breakdownPullTimeout: 30m\n", "breakdownPullTimeout: soon\n",
                        List.of("calls.yaml:2: breakdownPullTimeout: \"soon\" is not a duration (use 30s, 5m, 2h, 1d)")),
                Arguments.of("      forwardedTo: assistance\n", "      forwardedTo: police\n",
                        List.of("calls.yaml:20: expect[0].breakdownCases.forwardedTo: \"police\" is not a recipient"
                                + " (assistance, dealer)")),
                Arguments.of("      forwardedTo: assistance\n", "      forwardedTo: assistance\n      withheldFrom: dealer\n",
                        List.of("calls.yaml:21: expect[0].breakdownCases.withheldFrom: give forwardedTo or withheldFrom,"
                                + " not both (one expectation each)")),
                Arguments.of("      forwardedTo: assistance\n", "      component: ENGINE_OIL\n",
                        List.of("calls.yaml:20: expect[0].breakdownCases.component: unknown field (known here: atLeast,"
                                + " atMost, forwardedTo, withheldFrom)")),
                Arguments.of("      atMost: 1\n", "      withheldFrom: dealer\n",
                        List.of("calls.yaml:25: expect[2].pullsTimedOut.withheldFrom: unknown field (known here: atLeast,"
                                + " atMost)",
                                "calls.yaml:25: expect[2].pullsTimedOut.atLeast: give atLeast, atMost or both")));
    }

    @ParameterizedTest
    @MethodSource("brokenCalls")
    void parse_brokenFaultOrBreakdownCall_namesFileLineAndField(String line, String replacement, List<String> expected) {
        assertThat(CALLS).contains(line);
        String broken = CALLS.replaceFirst(java.util.regex.Pattern.quote(line),
                java.util.regex.Matcher.quoteReplacement(replacement));

        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse("calls.yaml", broken), ScenarioException.class);

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).containsExactlyElementsOf(expected);
    }

    @Test
    void scaled_multipliesCountsAndCarCountsOfExpectations() {
        Scenario s = ScenarioParser.parse("test.yaml", VALID).scaled(0.1);

        assertThat(s.groups()).extracting(Group::count).containsExactly(1, 1);
        assertThat(s.expectations().get(2)).isEqualTo(new Expectation.Stored(35, Optional.of(10L), Optional.of(100L)));
    }
}

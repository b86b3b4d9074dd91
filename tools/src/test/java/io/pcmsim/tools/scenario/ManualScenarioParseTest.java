package io.pcmsim.tools.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The owner's manual's events and expectation in scenario files. */
class ManualScenarioParseTest {

    private static final String FILE = """
            name: manual
            duration: 1h
            broker: embedded
            backend: embedded
            fleet:
              - group: drivers
                count: 2
            timeline:
              - at: 5m
                event: manual-message
                code: w-oil-level
              - at: 10m
                event: manual-chapter
                chapter: Oil-Top-Up
                favourite: yes
              - at: 15m
                event: manual-chapter
                chapter: abs
            expect:
              - manualEvents:
                  messagesShown: 2
                  linksServed:
                    atLeast: 1
            """;

    @Test
    void parse_manualEventsAndExpectation() {
        Scenario s = ScenarioParser.parse("test.yaml", FILE);

        assertThat(s.timeline()).extracting(TimedEvent::event).containsExactly(new Event.ManualMessage("W-OIL-LEVEL"),
                new Event.ManualChapter("oil-top-up", true), new Event.ManualChapter("abs", false));
        assertThat(s.expectations()).singleElement().isEqualTo(new Expectation.ManualEvents(20, java.util.Map.of(
                "messagesShown", new ManualFigures.Bounds(Optional.of(2L), Optional.of(2L)),
                "linksServed", new ManualFigures.Bounds(Optional.of(1L), Optional.empty()))));
    }

    @Test
    void parse_badCodeChapterAndFigure_namesLineAndField() {
        String broken = FILE.replace("code: w-oil-level", "code: W OIL").replace("chapter: abs", "chapter: a_b")
                .replace("messagesShown: 2", "messagesSeen: 2");

        ScenarioException e = catchThrowableOfType(() -> ScenarioParser.parse("test.yaml", broken),
                ScenarioException.class);

        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("test.yaml:11: timeline[0].code: ").contains("[W OIL]");
        assertThat(e.problems().get(1)).startsWith("test.yaml:18: timeline[2].chapter: ").contains("[a_b]");
        assertThat(e.problems().get(2)).startsWith("test.yaml:21: expect[0].manualEvents.messagesSeen");
    }
}

package io.pcmsim.tools.scenario;

import java.time.Duration;

/**
 * An event of the timeline.
 *
 * @param at simulated time since the start of the run
 * @param index position in the file's timeline, from 0 (names it in messages; seeds its random choices)
 * @param line its line in the file
 * @param target the cars it is addressed to (not used by fleet-wide events such as a broker restart)
 * @param event what happens
 */
public record TimedEvent(Duration at, int index, int line, Target target, Event event) {
}

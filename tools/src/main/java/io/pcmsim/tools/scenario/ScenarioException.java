package io.pcmsim.tools.scenario;

import java.util.List;

/** A scenario file that cannot be run: every problem found, each naming file, line and field. */
public final class ScenarioException extends RuntimeException {

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem: {@code quickstart.yaml:14: timeline[2].at: "2x" is not a duration (...)}. */
    public List<String> problems() {
        return problems;
    }
}

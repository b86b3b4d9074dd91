package io.pcmsim.tools.scenario;

/** A scenario run that could not go on (a part did not start); its message is one sentence for the user. */
final class ScenarioFailure extends RuntimeException {

    ScenarioFailure(String message, Throwable cause) {
        super(message, cause);
    }

    ScenarioFailure(String message) {
        super(message);
    }
}

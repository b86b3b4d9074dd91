package io.pcmsim.tools.scenario;

/**
 * One expectation checked at the end of a run.
 *
 * @param expectation what the file asked for
 * @param passed whether it holds
 * @param expected what it asked, in words ("at least 100")
 * @param actual what was measured ("87")
 */
public record Outcome(Expectation expectation, boolean passed, String expected, String actual) {

    /** For the summary and the exit message: {@code stored (line 31): expected at least 100, was 87}. */
    public String describe() {
        return expectation.kind() + " (line " + expectation.line() + "): expected " + expected + ", was " + actual;
    }

    /** For the exit message: {@code quickstart.yaml:31: stored: expected at least 100, was 87}. */
    public String located(String file) {
        return file + ":" + expectation.line() + ": " + expectation.kind() + ": expected " + expected + ", was " + actual;
    }
}

package io.pcmsim.tools.fleet;

/** A fleet run that could not go on, told in one sentence a user can act on; the cause stays for the log. */
final class FleetFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FleetFailure(String sentence) {
        super(sentence);
    }

    FleetFailure(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}

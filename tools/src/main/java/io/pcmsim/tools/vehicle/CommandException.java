package io.pcmsim.tools.vehicle;

/**
 * A console command that could not be done: its message, a sentence saying what was wrong and what is
 * allowed, becomes the answer line {@code error: MESSAGE}. The car keeps running.
 */
final class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }
}

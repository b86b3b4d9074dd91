package io.pcmsim.tools.vehicle;

import java.util.Objects;

/**
 * One entry of the console's command table: the word that calls it, its usage, one sentence of help and
 * what it does.
 *
 * @param name the first word of the line, e.g. {@code drive}
 * @param usage the whole line as typed, e.g. {@code drive KM [KMH]}
 * @param help one sentence: what it does and when it answers
 * @param handler runs the command and returns the answer after {@code ok NAME }
 * @param ends whether the console ends after answering ({@code quit})
 */
record ConsoleCommand(String name, String usage, String help, Handler handler, boolean ends) {

    /** What a command does. Runs on the console's thread; may wait for the car, with a time limit. */
    @FunctionalInterface
    interface Handler {
        /**
         * @return the answer's text after {@code ok NAME}, e.g. {@code 12.0 km started}; may be empty
         * @throws CommandException when the arguments are wrong or the car could not do it
         */
        String run(Arguments arguments) throws CommandException;
    }

    ConsoleCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(handler, "handler");
    }

    /** A command after which the console goes on reading. */
    static ConsoleCommand of(String name, String usage, String help, Handler handler) {
        return new ConsoleCommand(name, usage, help, handler, false);
    }
}

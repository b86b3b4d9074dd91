package io.pcmsim.tools.vehicle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads commands one per line and answers each with exactly one line: {@code ok NAME ...} when it was done,
 * {@code error: ...} when not (an unknown command, wrong arguments, a car that did not settle in time); the
 * car keeps running either way. Blank lines and lines starting with {@code #} are skipped without an
 * answer, so scripts may carry comments. Ends at {@code quit} or at the end of the input.
 */
final class Console {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final CommandTable table;
    private final BufferedReader in;
    private final PrintWriter out;
    private long answered;
    private long errors;

    Console(CommandTable table, BufferedReader in, PrintWriter out) {
        this.table = table;
        this.in = in;
        this.out = out;
    }

    /** Answers lines until {@code quit} or the end of the input. */
    void run() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(text.split("\\s+"));
            Optional<ConsoleCommand> command = table.find(words.get(0));
            answer(command.isPresent() ? run(command.get(), words.subList(1, words.size()))
                    : "error: unknown command '" + words.get(0) + "'; commands: " + table.names()
                            + " (help COMMAND for its usage)");
            if (command.isPresent() && command.get().ends()) {
                return;
            }
        }
    }

    /** Lines answered so far. */
    long answered() {
        return answered;
    }

    /** Of them, answered with {@code error:}. */
    long errors() {
        return errors;
    }

    private String run(ConsoleCommand command, List<String> words) {
        try {
            String text = command.handler().run(new Arguments(command, words));
            return "ok " + command.name() + (text.isEmpty() ? "" : " " + text);
        } catch (CommandException e) {
            return "error: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("console command '{}' failed", String.join(" ", words), e);
            return "error: " + command.name() + " failed unexpectedly (" + e + "); the car keeps running";
        }
    }

    private void answer(String line) {
        answered++;
        if (line.startsWith("error:")) {
            errors++;
        }
        out.println(line);
        out.flush();
    }
}

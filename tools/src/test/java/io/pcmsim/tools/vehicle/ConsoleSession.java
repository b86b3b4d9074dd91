package io.pcmsim.tools.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * {@code pcmsim vehicle} running in this JVM on a thread of its own, its standard input a pipe the test
 * writes lines into and its standard output split into answer lines the test takes one by one.
 */
final class ConsoleSession implements AutoCloseable {

    private final PipedOutputStream input = new PipedOutputStream();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final StringWriter err = new StringWriter();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "console-under-test"));
    private final CompletableFuture<Integer> exit;

    private ConsoleSession(String... args) throws IOException {
        PipedInputStream stdin = new PipedInputStream(input, 64 * 1024);
        CommandLine cli = new CommandLine(new VehicleCommand(stdin));
        cli.setOut(new PrintWriter(new Lines(answers), true));
        cli.setErr(new PrintWriter(err, true));
        exit = CompletableFuture.supplyAsync(() -> cli.execute(args), runner);
    }

    static ConsoleSession start(String... args) throws IOException {
        return new ConsoleSession(args);
    }

    /** Writes {@code line} to the console and returns its one answer line. */
    String send(String line) throws Exception {
        write(line);
        return next(line);
    }

    /** Writes {@code line} without waiting for an answer (blank lines and comments get none). */
    void write(String line) throws IOException {
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /** The next answer line, waiting at most 90 s for it. */
    String next(String forWhat) throws InterruptedException {
        String answer = answers.poll(90, TimeUnit.SECONDS);
        assertThat(answer).as("the answer to '" + forWhat + "'; stderr: " + err).isNotNull();
        return answer;
    }

    /** Ends the input (EOF) and returns the exit code, waiting at most 60 s. */
    int endInput() throws Exception {
        input.close();
        return exitCode();
    }

    /** The exit code once the command has ended, waiting at most 60 s. */
    int exitCode() throws Exception {
        return exit.get(60, TimeUnit.SECONDS);
    }

    /** Answer lines not taken yet. */
    List<String> unread() {
        List<String> rest = new ArrayList<>();
        answers.drainTo(rest);
        return rest;
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            input.close();
            exit.get(60, TimeUnit.SECONDS);
        }
        runner.shutdownNow();
    }

    /** Hands every complete line written to it to a queue. */
    private static final class Lines extends Writer {
        private final BlockingQueue<String> lines;
        private final StringBuilder current = new StringBuilder();

        Lines(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lines.add(current.toString());
                    current.setLength(0);
                } else if (c != '\r') {
                    current.append(c);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

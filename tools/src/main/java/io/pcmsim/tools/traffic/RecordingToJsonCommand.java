package io.pcmsim.tools.traffic;

import io.pcmsim.tools.cli.WritablePath;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pcmsim recording to-json}: a recording as JSON lines. */
@Command(
        name = "to-json",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Writes a recording as JSON lines, one object per message, the same as 'pcmsim tap --json' prints: "
                    + "time, topic, direction, vin (or mapKey), service, qos, retain, bytes, the decoded message "
                    + "(or an \"error\" when the payload does not decode) and payloadBase64, the raw bytes.",
            "A truncated or corrupt recording is converted up to the broken record; then an error names the file "
                    + "and the byte offset of that record.",
            "Exit codes: 0 done, 1 the recording cannot be read or is broken, or the output cannot be written, "
                    + "2 bad arguments."
        })
public final class RecordingToJsonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The recording.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON lines to FILE instead of standard output.")
    @Nullable Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) {
            Optional<String> problem = WritablePath.fileProblem("--out", out);
            if (problem.isPresent()) {
                err.println("pcmsim recording to-json: " + problem.get());
                return 2;
            }
        }
        long[] counts = new long[2];
        try (RecordingReader reader = RecordingReader.open(file)) {
            if (out == null) {
                convert(reader, spec.commandLine().getOut(), counts);
            } else {
                try (PrintWriter lines = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(out),
                        StandardCharsets.UTF_8))) {
                    convert(reader, lines, counts);
                }
            }
            err.println("pcmsim recording to-json: " + counts[0] + " messages, " + counts[1] + " malformed payloads");
            return 0;
        } catch (BrokenRecordingException e) {
            err.println("pcmsim recording to-json: " + counts[0] + " messages converted, then: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("pcmsim recording to-json: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("pcmsim recording to-json: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }

    /** Writes every record; counts[0] converted, counts[1] with a malformed payload. */
    private static void convert(RecordingReader reader, PrintWriter lines, long[] counts) {
        try {
            for (Optional<TrafficMessage> next = reader.next(); next.isPresent(); next = reader.next()) {
                TrafficFormat.Line line = TrafficFormat.json(next.get());
                lines.println(line.text());
                counts[0]++;
                counts[1] += line.malformed() ? 1 : 0;
            }
        } finally {
            lines.flush();
        }
        if (lines.checkError()) {
            throw new UncheckedIOException("the JSON lines could not be written completely", new IOException("write error"));
        }
    }
}

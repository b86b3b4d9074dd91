package io.pcmsim.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's JSON report (a tree of maps, lists and values), indented. */
public final class JsonFile {

    private JsonFile() {
    }

    /**
     * Writes {@code tree} to {@code file}, creating its folder when missing.
     *
     * @throws UncheckedIOException naming the file and the cause when it cannot be written
     */
    public static void write(Path file, Object tree) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }
}

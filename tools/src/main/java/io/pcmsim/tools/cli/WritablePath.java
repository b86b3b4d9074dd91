package io.pcmsim.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before a command starts its work, that what it will write at the end can be written: so a
 * typo in a path costs a second, not a whole run.
 */
public final class WritablePath {

    private WritablePath() {
    }

    /**
     * Why {@code file} cannot be written as a file (its folder exists and is writable, and the path is
     * not a folder or an unwritable file), or empty when it can.
     *
     * @param option the option that named the path, for the message, e.g. {@code --report}
     */
    public static Optional<String> fileProblem(String option, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return Optional.of(option + " " + absolute + " is a folder; give the path of a file");
        }
        if (Files.exists(absolute)) {
            return Files.isRegularFile(absolute) && Files.isWritable(absolute) ? Optional.empty()
                    : Optional.of(option + " " + absolute + " exists and cannot be overwritten; "
                            + "give another path or make it writable");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.of(option + " " + absolute + " cannot be written: the folder " + parent
                    + " does not exist; create it first or give another path");
        }
        if (!Files.isWritable(parent)) {
            return Optional.of(option + " " + absolute + " cannot be written: the folder " + parent
                    + " is not writable");
        }
        return Optional.empty();
    }

    /**
     * Why {@code folder} cannot be used as a folder to write in (it is a file, or neither it nor the
     * nearest existing folder above it is writable), or empty when it can.
     */
    public static Optional<String> folderProblem(String option, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of(option + " " + absolute + " cannot be created: no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of(option + " " + absolute + " cannot be used: " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            return Optional.of(option + " " + absolute + " cannot be used: the folder " + existing
                    + " is not writable");
        }
        return Optional.empty();
    }
}

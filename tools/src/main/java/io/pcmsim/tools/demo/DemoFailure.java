package io.pcmsim.tools.demo;

import java.nio.file.FileSystemException;
import java.util.Optional;

/**
 * A demo that could not go on, told in one sentence a user can act on (what went wrong and what to
 * do); the technical cause stays attached for the log and {@code --verbose}.
 */
final class DemoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoFailure(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /**
     * {@code what} went wrong, with the advice that fits the cause: a file that could not be written
     * names the file and points to {@code --data-dir}; otherwise {@code usualAdvice}.
     */
    static DemoFailure of(String what, String usualAdvice, Throwable cause) {
        String advice = fileProblem(cause)
                .map(file -> "it cannot write to " + file + "; choose another --data-dir")
                .orElse(usualAdvice);
        return new DemoFailure(what + (advice.isEmpty() ? "" : "; " + advice), cause);
    }

    private static Optional<String> fileProblem(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException f && f.getFile() != null) {
                return Optional.of(f.getFile());
            }
        }
        return Optional.empty();
    }
}

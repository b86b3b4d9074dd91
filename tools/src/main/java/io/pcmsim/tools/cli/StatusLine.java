package io.pcmsim.tools.cli;

import java.io.PrintWriter;

/**
 * A one-line live status shared by the commands: redrawn in place on a terminal, printed as plain lines
 * otherwise (logs, pipes). Not thread-safe; call from one thread.
 */
public final class StatusLine {

    private final PrintWriter out;
    private final boolean terminal;
    private boolean drawn;

    /** @param terminal whether {@code out} is a terminal that understands carriage return and erase-line */
    public StatusLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A status line on {@code out}, redrawn in place when this process runs on a terminal. */
    public static StatusLine on(PrintWriter out) {
        return new StatusLine(out, System.console() != null);
    }

    public void show(String line) {
        if (terminal) {
            out.print("\r\u001b[2K" + line);
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends an in-place line so that following output starts on a fresh line. */
    public void finish() {
        if (terminal && drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }
}

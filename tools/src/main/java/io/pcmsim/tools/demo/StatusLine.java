package io.pcmsim.tools.demo;

import java.io.PrintWriter;

/**
 * Writes a one-line status: redrawn in place on a terminal, as plain lines otherwise (logs, pipes).
 * Not thread-safe; call from one thread.
 */
final class StatusLine {

    private final PrintWriter out;
    private final boolean terminal;
    private boolean drawn;

    StatusLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(String line) {
        if (terminal) {
            out.print("\r\u001b[2K" + line);
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends an in-place line so that following output starts on a fresh line. */
    void finish() {
        if (terminal && drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }
}

package io.pcmsim.tools.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The logging of a command's run: a command speaks to its user in its own sentences, so library logs
 * stay silent unless the user asks for them ({@code --verbose}: INFO and up, with stack traces). When
 * the user has set the environment variable {@code PCMSIM_LOG_LEVEL}, the configuration's levels apply.
 */
public final class LogLevel implements AutoCloseable {

    private final LoggerContext context;
    private final Logger root;
    private final Level rootBefore;
    private final TurboFilter silence = new Silence();

    private LogLevel(LoggerContext context) {
        this.context = context;
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        this.rootBefore = root.getLevel();
    }

    /** Sets the logging for the command's run; {@link #close()} restores what was before. */
    public static LogLevel forRun(boolean verbose) {
        LogLevel level = new LogLevel((LoggerContext) LoggerFactory.getILoggerFactory());
        String chosen = System.getenv("PCMSIM_LOG_LEVEL");
        if (chosen != null && !chosen.isBlank()) {
            return level;
        }
        if (verbose) {
            level.root.setLevel(Level.INFO);
        } else {
            level.silence.start();
            level.context.addTurboFilter(level.silence);
        }
        return level;
    }

    @Override
    public void close() {
        context.getTurboFilterList().remove(silence);
        root.setLevel(rootBefore);
    }

    /** Lets no event through. */
    private static final class Silence extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            return FilterReply.DENY;
        }
    }
}

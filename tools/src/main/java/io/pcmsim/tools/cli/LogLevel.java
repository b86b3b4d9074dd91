package io.pcmsim.tools.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
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
    private final Silence silence = new Silence();

    private LogLevel(LoggerContext context) {
        this.context = context;
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        this.rootBefore = root.getLevel();
    }

    /** Sets the logging for the command's run; {@link #close()} restores what was before. */
    public static LogLevel forRun(boolean verbose) {
        return forRun(verbose, List.of());
    }

    /**
     * As {@link #forRun(boolean)}, but without {@code --verbose} the INFO and higher events of the loggers
     * named in {@code announced} (and their children) are shown: a command's own news told by a library,
     * such as the backend's enrolment of a new VIN.
     */
    public static LogLevel forRun(boolean verbose, List<String> announced) {
        LogLevel level = new LogLevel((LoggerContext) LoggerFactory.getILoggerFactory());
        level.silence.announced = List.copyOf(announced);
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

    /** Lets no event through but the INFO and higher events of the announced loggers. */
    private static final class Silence extends TurboFilter {
        private List<String> announced = List.of();

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            boolean news = level != null && level.isGreaterOrEqual(Level.INFO)
                    && announced.stream().anyMatch(name -> logger.getName().equals(name)
                            || logger.getName().startsWith(name + "."));
            return news ? FilterReply.ACCEPT : FilterReply.DENY;
        }
    }
}

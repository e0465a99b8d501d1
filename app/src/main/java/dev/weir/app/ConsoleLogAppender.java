package dev.weir.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.weir.ui.log.LogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * A logback appender that copies every event into a {@link LogRing} for the console's log screen. Added to the
 * root logger programmatically when the console starts, so {@code weir server} keeps its plain stderr logging.
 */
final class ConsoleLogAppender extends AppenderBase<ILoggingEvent> {
    private final LogRing ring;

    ConsoleLogAppender(LogRing ring) {
        this.ring = ring;
    }

    /** Attaches a new appender feeding {@code ring} to the root logger. */
    static void install(LogRing ring) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ConsoleLogAppender appender = new ConsoleLogAppender(ring);
        appender.setContext(ctx);
        appender.setName("weir-console-log");
        appender.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @Override
    protected void append(ILoggingEvent e) {
        String message = e.getFormattedMessage();
        if (e.getThrowableProxy() != null) {
            message = message + " — " + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage();
        }
        ring.add(Instant.ofEpochMilli(e.getTimeStamp()), level(e.getLevel()), e.getLoggerName(), e.getThreadName(), message);
    }

    static LogLevel level(Level l) {
        return switch (l.toInt()) {
            case Level.ERROR_INT -> LogLevel.ERROR;
            case Level.WARN_INT -> LogLevel.WARN;
            case Level.INFO_INT -> LogLevel.INFO;
            case Level.DEBUG_INT -> LogLevel.DEBUG;
            default -> LogLevel.TRACE;
        };
    }
}

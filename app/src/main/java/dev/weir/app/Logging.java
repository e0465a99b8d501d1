package dev.weir.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Logging setup; logback is used in this module only, everything else logs through slf4j. */
final class Logging {
    private Logging() {}

    /** Sets the level of Weir's own loggers and of the root: {@code debug}, {@code info}, {@code warn} or {@code error}. */
    static void setLevel(String name) throws UsageException {
        Level level = switch (name.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn" -> Level.WARN;
            case "error" -> Level.ERROR;
            default -> throw new UsageException("log level '" + name + "' is not one of debug, info, warn, error");
        };
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
        ctx.getLogger("dev.weir").setLevel(level);
    }
}

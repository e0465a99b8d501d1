package dev.weir.ui;

import dev.weir.ui.engine.RemoteAddress;
import dev.weir.ui.log.LogFeed;
import dev.weir.ui.settings.ConfigStore;

import java.time.Duration;
import java.util.Objects;

/**
 * How the console window opens, and what the app hands it.
 *
 * @param startListenersOnOpen start the configured listeners as soon as the window shows (as {@code weir} does
 *                             with a config file)
 * @param pollInterval         how often the view models read the engine's snapshot
 * @param store                where settings and window preferences are kept
 * @param log                  the application log's ring, for the log screen
 * @param attachTo             a remote {@code weir server} to watch (read-only) as soon as the window shows
 *                             ({@code weir --attach URL}); {@code null} to show the local engine
 */
public record ConsoleOptions(boolean startListenersOnOpen, Duration pollInterval, ConfigStore store, LogFeed log,
                             RemoteAddress attachTo) {
    public static final ConsoleOptions DEFAULTS = new ConsoleOptions(false, Duration.ofMillis(250), null, LogFeed.NONE, null);

    public ConsoleOptions {
        if (pollInterval == null) pollInterval = Duration.ofMillis(250);
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
        }
        if (log == null) log = LogFeed.NONE;
    }

    public ConsoleOptions withStartListenersOnOpen(boolean start) {
        return new ConsoleOptions(start, pollInterval, store, log, attachTo);
    }

    public ConsoleOptions withStore(ConfigStore s) {
        return new ConsoleOptions(startListenersOnOpen, pollInterval, Objects.requireNonNull(s), log, attachTo);
    }

    public ConsoleOptions withLog(LogFeed feed) {
        return new ConsoleOptions(startListenersOnOpen, pollInterval, store, feed, attachTo);
    }

    public ConsoleOptions withAttachTo(RemoteAddress remote) {
        return new ConsoleOptions(startListenersOnOpen, pollInterval, store, log, remote);
    }
}

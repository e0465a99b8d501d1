package dev.weir.app;

import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.ConsoleOptions;
import dev.weir.ui.WeirConsoleApp;
import dev.weir.ui.engine.RemoteAddress;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code weir}: opens the operator console. */
final class ConsoleCommand {
    static final List<FlagSpec> FLAGS = List.of(
            FlagSpec.value("config", "FILE", "open with this JSON configuration and start its listeners"),
            FlagSpec.value("log-level", "LEVEL", "debug | info | warn | error (default info)"),
            FlagSpec.value("attach", "URL", "watch a remote 'weir server' read-only through its API: http://HOST:PORT of its -metrics-addr"),
            FlagSpec.bool("help", "print this help"));

    private ConsoleCommand() {}

    /** Runs the console until its window closes; returns the process exit code. */
    static int launch(List<String> args, PrintStream out, PrintStream err) {
        FlagParser parser = new FlagParser("weir", FLAGS);
        UserConfigStore store = UserConfigStore.forThisUser();
        LogRing logRing = new LogRing(5000);
        CompletableFuture<EngineConfig> config;
        boolean startListeners = false;
        RemoteAddress attachTo = null;
        try {
            FlagParser.Parsed flags = parser.parse(args);
            if (flags.has("help")) {
                out.println("usage: weir [flags]");
                out.print(parser.help());
                out.print(Main.usage());
                return 0;
            }
            if (flags.has("log-level")) Logging.setLevel(flags.last("log-level"));
            attachTo = attachFlag(flags);
            if (flags.has("config")) {
                // Read here, not in the background: a bad file is an error before any window.
                config = CompletableFuture.completedFuture(ConfigFile.read(Path.of(flags.last("config"))));
                ConsoleLogAppender.install(logRing);
                startListeners = true;
            } else {
                // While JavaFX starts its toolkit, the other core starts logging and reads the saved settings
                // (logback's and Jackson's first use are several hundred classes); a bad saved file only means
                // the defaults, so nothing here needs to stop the window.
                config = CompletableFuture.supplyAsync(() -> {
                    ConsoleLogAppender.install(logRing);
                    store.loadPreferences();   // read now, kept: the window asks for them on the FX thread
                    return savedOrDefaults(store, err);
                }, task -> Thread.ofPlatform().name("weir-console-config").start(task));
            }
        } catch (UsageException e) {
            err.println("weir: " + e.getMessage());
            err.println("run 'weir -help' for the flags");
            return 2;
        } catch (ConfigFile.ConfigException e) {
            err.println("weir: " + e.getMessage());
            return 2;
        }
        ConsoleOptions options = ConsoleOptions.DEFAULTS
                .withStartListenersOnOpen(startListeners)
                .withStore(store)
                .withLog(logRing)
                .withAttachTo(attachTo);
        try {
            WeirConsoleApp.launch(config, options);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            // No display, no graphics libraries, or a JavaFX that does not fit this platform.
            LoggerFactory.getLogger(ConsoleCommand.class).debug("the console could not start", e);
            err.println("weir: cannot open the console window: " + describe(e));
            err.println("weir: 'weir server' runs the engine without a window");
            return 1;
        }
    }

    /** {@code -attach URL}: the remote server to watch, {@code null} when not given. */
    static RemoteAddress attachFlag(FlagParser.Parsed flags) throws UsageException {
        if (!flags.has("attach")) return null;
        try {
            return RemoteAddress.parse(flags.last("attach"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-attach: " + e.getMessage());
        }
    }

    /** The configuration the console saved last time; the defaults when there is none or it cannot be read. */
    private static EngineConfig savedOrDefaults(UserConfigStore store, PrintStream err) {
        try {
            EngineConfig saved = store.load();
            return saved == null ? EngineConfig.DEFAULTS : saved;
        } catch (dev.weir.ui.settings.ConfigStoreException e) {
            err.println("weir: the saved settings are not usable, starting with the defaults: " + e.getMessage());
            return EngineConfig.DEFAULTS;
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}

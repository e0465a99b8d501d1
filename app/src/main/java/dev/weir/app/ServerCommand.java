package dev.weir.app;

import dev.weir.engine.BindErrors;
import dev.weir.engine.EngineStartException;
import dev.weir.engine.ListenerException;
import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.ListenAddress;
import dev.weir.engine.config.RtmpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code weir server}: the engine without a window. Flag names follow the seed RTMP server's. Prints one line
 * per listener once it accepts connections; SIGINT or SIGTERM closes everything and exits 0.
 */
final class ServerCommand {
    private static final Logger log = LoggerFactory.getLogger(ServerCommand.class);

    static final List<FlagSpec> FLAGS = flags(
            FlagSpec.value("listen", "ADDR", "RTMP listen address (default :1935)"),
            FlagSpec.value("chunk-size", "N", "outbound RTMP chunk size, 128-65536 (default 4096)"),
            FlagSpec.value("log-level", "LEVEL", "debug | info | warn | error (default info)"),
            FlagSpec.value("config", "FILE", "JSON configuration (as the console saves it); flags override it"),
            FlagSpec.bool("help", "print this help"),
            FlagSpec.planned("srt-listen", "ADDR", "SRT UDP listen address"),
            FlagSpec.planned("srt-latency", "MS", "SRT latency in milliseconds"),
            FlagSpec.planned("srt-passphrase", "P", "SRT passphrase (10-80 characters)"),
            FlagSpec.planned("srt-pbkeylen", "N", "SRT AES key length: 16, 24 or 32"),
            FlagSpec.planned("record-all", null, "record every stream"),
            FlagSpec.planned("record-dir", "DIR", "recording directory"));

    private static List<FlagSpec> flags(FlagSpec... own) {
        List<FlagSpec> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(OpsFlags.FLAGS);
        return List.copyOf(all);
    }

    private final PrintStream out;
    private final PrintStream err;

    ServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        FlagParser parser = new FlagParser("weir server", FLAGS);
        EngineConfig config;
        try {
            FlagParser.Parsed flags = parser.parse(args);
            if (flags.has("help")) {
                out.println("usage: weir server [flags]");
                out.print(parser.help());
                return 0;
            }
            if (flags.has("log-level")) Logging.setLevel(flags.last("log-level"));
            config = configFrom(flags);
        } catch (UsageException e) {
            err.println("weir server: " + e.getMessage());
            err.println("run 'weir server -help' for the flags");
            return 2;
        } catch (ConfigFile.ConfigException e) {
            err.println("weir server: " + e.getMessage());
            return 2;
        }

        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        try (WeirEngine engine = StandardListeners.register(WeirEngine.builder(config)).build()) {
            String listen = config.rtmp().listen();
            if (listen != null && !listen.isBlank()) {
                String id = engine.startRtmpListener(listen);
                out.println("weir: RTMP listening on " + id);
                out.flush();
            }
            if (config.tls().enabled()) {
                String id = engine.startRtmpsListener(config.tls().listen());
                out.println("weir: RTMPS listening on " + id);
                out.flush();
            }
            engine.ops().api().ifPresent(api -> {
                out.println("weir: metrics on http://" + BindErrors.describe(api.address()) + "/metrics");
                out.flush();
            });
            Reload.onSighup(() -> engine.reloadAccessFiles().forEach(line -> {
                log.info("SIGHUP: {}", line);
                out.println("weir: " + line);
                out.flush();
            }));
            Shutdown.onSignal(stop::countDown, finished);
            stop.await();
            log.info("shutting down");
        } catch (ListenerException | EngineStartException e) {
            err.println("weir server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
        out.println("weir: stopped");
        out.flush();
        return 0;
    }

    /** The config file (if any), then the flags over it. */
    static EngineConfig configFrom(FlagParser.Parsed flags) throws UsageException, ConfigFile.ConfigException {
        EngineConfig config = flags.has("config") ? ConfigFile.read(Path.of(flags.last("config"))) : EngineConfig.DEFAULTS;
        RtmpSettings rtmp = config.rtmp();
        String listen = rtmp.listen();
        int chunkSize = rtmp.chunkSize();
        if (flags.has("listen")) {
            listen = flags.last("listen");
            try {
                ListenAddress.parse(listen);
            } catch (IllegalArgumentException e) {
                throw new UsageException("-listen: " + e.getMessage());
            }
        }
        if (flags.has("chunk-size")) {
            String text = flags.last("chunk-size");
            try {
                chunkSize = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new UsageException("-chunk-size: '" + text + "' is not a number");
            }
        }
        try {
            config = config.withRtmp(new RtmpSettings(listen, chunkSize));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-chunk-size: " + e.getMessage());
        }
        return OpsFlags.apply(flags, config);
    }
}

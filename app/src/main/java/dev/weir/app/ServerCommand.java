package dev.weir.app;

import dev.weir.engine.BindErrors;
import dev.weir.engine.EngineStartException;
import dev.weir.engine.ListenerException;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.StandardListeners;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.config.SrtSettings;
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
            FlagSpec.value("srt-listen", "ADDR", "SRT UDP listen address, e.g. :10080 (default: no SRT)"),
            FlagSpec.value("srt-latency", "MS", "SRT latency in milliseconds, 20-8000 (default 120)"),
            FlagSpec.value("srt-passphrase", "P", "SRT passphrase, 10-80 characters (default: no encryption)"),
            FlagSpec.value("srt-pbkeylen", "N", "SRT AES key length: 16, 24 or 32 (default 16)"),
            FlagSpec.bool("record-all", "record every stream (FLV; TS for SRT sources; MP4 for H.265/AV1/VP9)"),
            FlagSpec.value("record-dir", "DIR", "recording directory (default recordings)"));

    /** This command's own flags, then the operator flags ({@link OpsFlags}). */
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
        boolean ran = false;
        // Signals are taken over before the first "listening" line: a script may send SIGTERM as soon as it reads
        // that line, and without the handler the JVM would die of the signal (exit 143) instead of stopping.
        Shutdown.onSignal(stop::countDown, finished);
        try (WeirEngine engine = StandardListeners.engine(config)) {
            Reload.onSighup(() -> engine.reloadAccessFiles().forEach(line -> {
                log.info("SIGHUP: {}", line);
                out.println("weir: " + line);
                out.flush();
            }));
            String listen = config.rtmp().listen();
            if (listen != null && !listen.isBlank()) {
                String id = engine.startRtmpListener(listen);
                out.println("weir: RTMP listening on " + id);
                out.flush();
            }
            if (config.srt().enabled()) {
                String id = engine.startSrtListener(config.srt().listen());
                out.println("weir: SRT listening on " + id.substring(id.indexOf(':') + 1));
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
            ran = true;
            stop.await();
            log.info("shutting down");
        } catch (ListenerException | EngineStartException e) {
            err.println("weir server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Printed (engine closed, recordings finalized) before the signal hook is released: once it returns,
            // the JVM halts and a line printed after that may never appear.
            if (ran) {
                out.println("weir: stopped");
                out.flush();
            }
            finished.countDown();
        }
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
        config = config.withSrt(srtFrom(flags, config.srt())).withRecording(recordingFrom(flags, config.recording()));
        return OpsFlags.apply(flags, config);
    }

    private static SrtSettings srtFrom(FlagParser.Parsed flags, SrtSettings srt) throws UsageException {
        String listen = srt.listen();
        int latency = srt.latencyMs();
        String passphrase = srt.passphrase();
        int pbkeylen = srt.pbkeylen();
        if (flags.has("srt-listen")) {
            listen = flags.last("srt-listen");
            try {
                ListenAddress.parse(listen);
            } catch (IllegalArgumentException e) {
                throw new UsageException("-srt-listen: " + e.getMessage());
            }
        }
        if (flags.has("srt-latency")) {
            latency = number(flags, "srt-latency");
            if (latency < SrtSettings.MIN_LATENCY_MS || latency > SrtSettings.MAX_LATENCY_MS) {
                throw new UsageException("-srt-latency: must be between " + SrtSettings.MIN_LATENCY_MS + " and "
                        + SrtSettings.MAX_LATENCY_MS + " ms, got " + latency);
            }
        }
        if (flags.has("srt-passphrase")) {
            passphrase = flags.last("srt-passphrase");
            int n = passphrase.length();
            if (n < SrtSettings.MIN_PASSPHRASE || n > SrtSettings.MAX_PASSPHRASE) {
                // the length only: the passphrase itself never goes to the terminal or a log
                throw new UsageException("-srt-passphrase: must be " + SrtSettings.MIN_PASSPHRASE + " to "
                        + SrtSettings.MAX_PASSPHRASE + " characters, got " + n);
            }
        }
        if (flags.has("srt-pbkeylen")) {
            pbkeylen = number(flags, "srt-pbkeylen");
            if (pbkeylen != 16 && pbkeylen != 24 && pbkeylen != 32) {
                throw new UsageException("-srt-pbkeylen: must be 16, 24 or 32 (AES-128, -192, -256), got " + pbkeylen);
            }
        }
        try {
            return new SrtSettings(listen, latency, passphrase, pbkeylen, srt.passphraseFile());
        } catch (IllegalArgumentException e) {
            throw new UsageException("SRT settings: " + e.getMessage());
        }
    }

    private static RecordingSettings recordingFrom(FlagParser.Parsed flags, RecordingSettings recording)
            throws UsageException {
        String dir = recording.dir();
        if (flags.has("record-dir")) {
            dir = flags.last("record-dir");
            if (dir.isBlank()) throw new UsageException("-record-dir: the directory name is empty");
        }
        boolean all = flags.has("record-all") ? Boolean.parseBoolean(flags.last("record-all")) : recording.recordAll();
        return new RecordingSettings(dir, all);
    }

    private static int number(FlagParser.Parsed flags, String name) throws UsageException {
        String text = flags.last(name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("-" + name + ": '" + text + "' is not a number");
        }
    }
}

package dev.weir.app;

import dev.weir.engine.srt.stats.SrtStatsFormat;
import dev.weir.engine.srt.transmit.Transmit;
import dev.weir.engine.srt.transmit.TransmitEndpoint;
import dev.weir.engine.srt.transmit.TransmitSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code weir transmit -from ADDR -to ADDR}: moves a live stream between SRT, UDP and stdio, like the seed's
 * client and srt-live-transmit. ADDR is {@code -}, {@code udp://host:port} or {@code srt://host:port?options}.
 */
final class TransmitCommand {
    private static final Logger log = LoggerFactory.getLogger(TransmitCommand.class);

    static final List<FlagSpec> FLAGS = List.of(
            FlagSpec.value("from", "ADDR", "where to read: -, udp://HOST:PORT or srt://HOST:PORT?options"),
            FlagSpec.value("to", "ADDR", "where to write: -, udp://HOST:PORT or srt://HOST:PORT?options"),
            FlagSpec.value("stats", "MS", "print SRT statistics every MS milliseconds (default 0: never)"),
            FlagSpec.value("statspf", "FMT", "statistics format: json | csv (default json)"),
            FlagSpec.bool("fullstats", "print totals since the start instead of per-interval counters"),
            FlagSpec.value("log-level", "LEVEL", "debug | info | warn | error (default warn)"),
            FlagSpec.bool("help", "print this help"));

    private final PrintStream out;
    private final PrintStream err;

    TransmitCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        FlagParser parser = new FlagParser("weir transmit", FLAGS);
        Transmit transmit;
        try {
            FlagParser.Parsed flags = parser.parse(args);
            if (flags.has("help")) {
                out.println("usage: weir transmit -from ADDR -to ADDR [flags]");
                out.print(parser.help());
                return 0;
            }
            Logging.setLevel(flags.has("log-level") ? flags.last("log-level") : "warn");
            transmit = build(flags, err);
        } catch (UsageException e) {
            err.println("weir transmit: " + e.getMessage());
            err.println("run 'weir transmit -help' for the flags");
            return 2;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Shutdown.onSignal(transmit::close, finished);
        try {
            transmit.run();
            return 0;
        } catch (IOException | RuntimeException e) {
            log.debug("transmit failed", e);
            err.println("weir transmit: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        } finally {
            transmit.close();
            finished.countDown();
        }
    }

    /** Checks the flags and builds the transmitter; every mistake is a {@link UsageException} naming the flag. */
    static Transmit build(FlagParser.Parsed flags, PrintStream statsOut) throws UsageException {
        if (!flags.has("from") || !flags.has("to")) {
            throw new UsageException("both -from and -to are needed, e.g. -from udp://:6000 -to 'srt://127.0.0.1:6001?mode=caller'");
        }
        TransmitEndpoint from = endpoint("-from", flags.last("from"));
        TransmitEndpoint to = endpoint("-to", flags.last("to"));
        long statsMs = 0;
        if (flags.has("stats")) {
            try {
                statsMs = Long.parseLong(flags.last("stats"));
            } catch (NumberFormatException e) {
                throw new UsageException("-stats: '" + flags.last("stats") + "' is not a number of milliseconds");
            }
        }
        SrtStatsFormat format = SrtStatsFormat.JSON;
        if (flags.has("statspf")) {
            format = switch (flags.last("statspf").toLowerCase(Locale.ROOT)) {
                case "json" -> SrtStatsFormat.JSON;
                case "csv" -> SrtStatsFormat.CSV;
                default -> throw new UsageException("-statspf: '" + flags.last("statspf") + "' is not json or csv");
            };
        }
        try {
            return new Transmit(from, to, new TransmitSettings(statsMs, format, statsOut, flags.has("fullstats")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static TransmitEndpoint endpoint(String flag, String text) throws UsageException {
        try {
            return Transmit.endpoint(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + ": " + e.getMessage());
        }
    }
}

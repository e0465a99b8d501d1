package dev.weir.engine.srt.transmit;

import dev.weir.engine.srt.socket.SrtConnection;
import dev.weir.engine.srt.stats.SrtStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code weir transmit -from ADDR -to ADDR}: moves live messages from one end to another, like srt-live-transmit
 * (and the seed's client). Each ADDR is {@code -}, {@code udp://host:port} or {@code srt://host:port?options}; see
 * {@link TransmitEndpoint}. SRT ends keep serving: a listener accepts the next caller after one leaves, a caller
 * reconnects. Statistics of every open SRT connection are printed every {@code -stats} ms in srt-live-transmit's
 * JSON or CSV layout ({@link dev.weir.engine.srt.stats.SrtStatsFormat}).
 *
 * <p>Entry point for the application's command: {@code new Transmit(TransmitEndpoint.parse(from),
 * TransmitEndpoint.parse(to), settings).run()}; {@link #close()} from another thread (or a shutdown hook) stops it.
 * {@link #run()} returns when the source ends (stdin EOF) or the transmit is closed. Threads: the caller's thread
 * pumps messages (from SRT to UDP the SRT connection's own thread writes each message, and the caller's thread only
 * waits for the connection to end: {@code SrtEnd.transferTo}); {@code weir-transmit-stats} prints statistics.
 */
public final class Transmit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transmit.class);
    private static final DateTimeFormatter TIMEPOINT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx");

    private final TransmitEndpoint from;
    private final TransmitEndpoint to;
    private final TransmitSettings settings;
    private final InputStream stdin;
    private final PrintStream stdout;
    private final List<SrtEnd> srtEnds = new ArrayList<>();
    private volatile MessageSource source;
    private volatile MessageSink sink;
    private volatile boolean closed;

    public Transmit(TransmitEndpoint from, TransmitEndpoint to, TransmitSettings settings) {
        this(from, to, settings, System.in, System.out);
    }

    /** With explicit standard streams (tests). */
    public Transmit(TransmitEndpoint from, TransmitEndpoint to, TransmitSettings settings, InputStream stdin,
                    PrintStream stdout) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stdin = stdin;
        this.stdout = stdout;
    }

    /** Parses an address ({@code -}, {@code udp://...}, {@code srt://...}) for the application's command line. */
    public static TransmitEndpoint endpoint(String address) {
        return TransmitEndpoint.parse(address);
    }

    /** Runs until the source ends or {@link #close()} is called. */
    public void run() throws IOException {
        source = openSource(from);
        try {
            sink = openSink(to);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
        LOG.info("transmitting {} -> {}", from, to);
        ScheduledExecutorService stats = null;
        if (settings.statsIntervalMillis() > 0) {
            stats = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("weir-transmit-stats").unstarted(r));
            if (!settings.statsFormat().header().isEmpty()) {
                settings.statsOut().println(settings.statsFormat().header());
            }
            stats.scheduleAtFixedRate(this::printStats, settings.statsIntervalMillis(),
                    settings.statsIntervalMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            source.transferTo(sink);
        } catch (IOException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            if (stats != null) {
                stats.shutdownNow();
            }
            close();
        }
    }

    private MessageSource openSource(TransmitEndpoint endpoint) throws IOException {
        return switch (endpoint) {
            case TransmitEndpoint.Stdio s -> StdioEnds.source(stdin, 1316);
            case TransmitEndpoint.Udp u -> UdpEnds.source(u.address());
            case TransmitEndpoint.Srt s -> register(new SrtEnd(s.url()));
        };
    }

    private MessageSink openSink(TransmitEndpoint endpoint) throws IOException {
        return switch (endpoint) {
            case TransmitEndpoint.Stdio s -> StdioEnds.sink(stdout);
            case TransmitEndpoint.Udp u -> {
                if (u.host().isEmpty()) {
                    throw new IllegalArgumentException("a udp:// destination needs a host: " + u);
                }
                yield UdpEnds.sink(u.address());
            }
            case TransmitEndpoint.Srt s -> register(new SrtEnd(s.url()));
        };
    }

    private SrtEnd register(SrtEnd end) {
        synchronized (srtEnds) {
            srtEnds.add(end);
        }
        return end;
    }

    private void printStats() {
        List<SrtEnd> ends;
        synchronized (srtEnds) {
            ends = List.copyOf(srtEnds);
        }
        String timepoint = OffsetDateTime.now().format(TIMEPOINT);
        for (SrtEnd end : ends) {
            end.current().ifPresent(c -> settings.statsOut().println(format(c, timepoint)));
        }
        settings.statsOut().flush();
    }

    private String format(SrtConnection c, String timepoint) {
        SrtStats stats = c.stats(!settings.fullStats());
        if (settings.fullStats()) {
            stats = asTotals(stats);
        }
        return settings.statsFormat().format(c.localSocketId(), timepoint, stats);
    }

    /** The same snapshot with the totals in the interval's place (srt-live-transmit -f). */
    private static SrtStats asTotals(SrtStats s) {
        SrtStats.Totals t = s.total();
        SrtStats.Interval i = new SrtStats.Interval(s.msTimeStamp(), t.pktSent(), t.pktSentUnique(), t.pktRecv(),
                t.pktRecvUnique(), t.pktSndLoss(), t.pktRcvLoss(), t.pktRetrans(), t.pktRcvRetrans(), t.pktSndDrop(),
                t.pktRcvDrop(), t.pktRcvUndecrypt(), t.pktRcvBelated(), t.pktSentACK(), t.pktRecvACK(),
                t.pktSentNAK(), t.pktRecvNAK(), t.byteSent(), t.byteSentUnique(), t.byteSndDrop(), t.byteRecv(),
                t.byteRecvUnique(), t.byteRcvLoss(), t.byteRcvDrop(), s.interval().mbpsSendRate(),
                s.interval().mbpsRecvRate());
        return new SrtStats(s.msTimeStamp(), t, i, s.instant(), s.keys());
    }

    /** Stops the transmit; {@link #run()} returns soon after. */
    @Override
    public void close() {
        closed = true;
        MessageSource s = source;
        if (s != null) {
            s.close();
        }
        MessageSink k = sink;
        if (k != null) {
            k.close();
        }
    }
}

package dev.weir.engine.srt.transmit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.stats.SrtStatsFormat;
import dev.weir.engine.testing.payload.NumberedPayloads;
import dev.weir.engine.testing.peers.SrtLiveTransmit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code weir transmit} between UDP and SRT with srt-live-transmit on the other side: numbered payloads survive,
 * the SRT listener serves the next caller after the first one leaves, and statistics come out in
 * srt-live-transmit's JSON layout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TransmitInteropIT {
    /**
     * Latency (negotiated to the larger side, so it covers both directions) with room for a scheduling stall:
     * on a loaded 2-core machine a peer can sleep past 120-200 ms, and SRT then drops the late packets by design
     * (too-late packet drop). These tests check transport, not scheduling; loss recovery has its own tests.
     */
    private static final int LATENCY_MS = 1000;


    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Own threads: the common pool may have a single worker on a small machine, and these tasks block. */
    private static final java.util.concurrent.ExecutorService THREADS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "interop-test-worker");
                t.setDaemon(true);
                return t;
            });

    private static int freePort() throws IOException {
        try (DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            return ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
    }

    /** Feeds numbered payloads into {@code feedPort} and checks them out of {@code out}. */
    private static NumberedPayloads.Report flow(DatagramChannel feed, int feedPort, DatagramChannel out, int count,
                                                SrtLiveTransmit peer) throws Exception {
        NumberedPayloads.Report report = new NumberedPayloads.Report(count);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try {
                out.socket().setSoTimeout(3000);
                DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
                while (report.received() < count) {
                    out.socket().receive(d);
                    report.accept(d.getData(), d.getLength());
                }
            } catch (SocketTimeoutException e) {
                // quiet: done
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
        InetSocketAddress to = new InetSocketAddress(LOOPBACK, feedPort);
        for (int k = 0; !report.pathOpen(); k++) {
            assertTrue(k < 1000, "nothing came through:\n" + peer.log());
            feed.send(ByteBuffer.wrap(NumberedPayloads.warmUp(k)), to);
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long wait = start + n * 2_000_000L - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            feed.send(ByteBuffer.wrap(NumberedPayloads.make(n, 1316)), to);
        }
        reader.get(30, TimeUnit.SECONDS);
        return report;
    }

    @Test
    void udpToSrtListenerServesOneCallerAfterAnotherAndPrintsJsonStats() throws Exception {
        int udpIn = freePort();
        int srtPort = freePort();
        ByteArrayOutputStream statsBytes = new ByteArrayOutputStream();
        PrintStream statsOut = new PrintStream(statsBytes, true, StandardCharsets.UTF_8);
        Transmit transmit = new Transmit(Transmit.endpoint("udp://127.0.0.1:" + udpIn),
                Transmit.endpoint("srt://:" + srtPort + "?mode=listener&latency=" + LATENCY_MS),
                new TransmitSettings(500, SrtStatsFormat.JSON, statsOut, false));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                transmit.run();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
        try (DatagramChannel feed = DatagramChannel.open()) {
            for (int round = 0; round < 2; round++) {
                try (DatagramChannel out = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
                     SrtLiveTransmit peer = SrtLiveTransmit.start("srt://127.0.0.1:" + srtPort + "?mode=caller",
                             "udp://127.0.0.1:" + ((InetSocketAddress) out.getLocalAddress()).getPort())) {
                    NumberedPayloads.Report report = flow(feed, udpIn, out, 1000, peer);
                    assertTrue(report.perfect(), "caller " + (round + 1) + ": " + report + "\n" + peer.log());
                }
            }
        } finally {
            transmit.close();
            running.get(10, TimeUnit.SECONDS);
        }
        String stats = statsBytes.toString(StandardCharsets.UTF_8);
        assertTrue(stats.lines().anyMatch(l -> l.startsWith("{\"sid\":") && l.contains("\"send\":{\"packets\":")
                && l.contains("\"link\":{\"rtt\":")), stats);
    }

    @Test
    void srtListenerSourceToUdpFromAnSrtLiveTransmitCaller() throws Exception {
        int srtPort = freePort();
        int udpIn = freePort();
        try (DatagramChannel out = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
             DatagramChannel feed = DatagramChannel.open();
             Transmit transmit = new Transmit(Transmit.endpoint("srt://:" + srtPort + "?mode=listener&latency=" + LATENCY_MS),
                     Transmit.endpoint("udp://127.0.0.1:" + ((InetSocketAddress) out.getLocalAddress()).getPort()),
                     TransmitSettings.quiet())) {
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    transmit.run();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, THREADS);
            try (SrtLiveTransmit peer = SrtLiveTransmit.start("udp://127.0.0.1:" + udpIn,
                    "srt://127.0.0.1:" + srtPort + "?mode=caller")) {
                NumberedPayloads.Report report = flow(feed, udpIn, out, 1000, peer);
                assertTrue(report.perfect(), report + "\n" + peer.log());
            }
            transmit.close();
            running.get(10, TimeUnit.SECONDS);
        }
    }
}

package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.crypto.KeyLength;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.KeepAlivePacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.ShutdownPacket;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.packet.UserDefinedPacket;
import dev.weir.engine.srt.stats.KeyMaterialEvent;
import dev.weir.engine.srt.stats.SrtStats;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two connections joined by a simulated link in virtual time: encryption with key rotation in both directions
 * (KMREQ/KMRSP lost too), keep-alive, idle timeout, shutdown, statistics.
 */
class LiveConnectionTest {

    private static final long MS = 1000;
    private static final Passphrase SECRET = Passphrase.of("correct horse battery");

    private record InFlight(long due, long order, SrtPacket packet, boolean toB) {
    }

    private static final class Pair {
        final PriorityQueue<InFlight> queue = new PriorityQueue<>(
                (x, y) -> x.due != y.due ? Long.compare(x.due, y.due) : Long.compare(x.order, y.order));
        final Random random;
        final double lossPercent;
        final List<Integer> deliveredToB = new ArrayList<>();
        final List<Integer> deliveredToA = new ArrayList<>();
        final List<SrtPacket> sentByA = new ArrayList<>();
        long order;
        long now;
        LiveConnection a;
        LiveConnection b;

        Pair(long seed, double lossPercent, StreamKeys keys, long refresh, long preAnnounce, int idleMs) {
            this.random = new Random(seed);
            this.lossPercent = lossPercent;
            a = connection(1, 2, keys, refresh, preAnnounce, idleMs, p -> {
                sentByA.add(p);
                carry(p, true);
            }, d -> deliveredToA.add(ByteBuffer.wrap(d.payload()).getInt()));
            b = connection(2, 1, keys, refresh, preAnnounce, idleMs, p -> carry(p, false),
                    d -> deliveredToB.add(ByteBuffer.wrap(d.payload()).getInt()));
        }

        private void carry(SrtPacket p, boolean toB) {
            if (random.nextDouble() * 100 < lossPercent) {
                return;
            }
            queue.add(new InFlight(now + 5 * MS, order++, p, toB));
        }

        void step(long to) {
            for (; now <= to; now += MS) {
                while (!queue.isEmpty() && queue.peek().due <= now) {
                    InFlight f = queue.poll();
                    (f.toB ? b : a).onPacket(f.packet, now);
                }
                a.tick(now);
                b.tick(now);
            }
            now = to;
        }

        private LiveConnection connection(int local, int peer, StreamKeys keys, long refresh, long preAnnounce,
                                          int idleMs, PacketSink out, java.util.function.Consumer<DataPacket> d) {
            SrtSender.Config sc = new SrtSender.Config(1000, peer, 0, 120 * MS, true, 0, 25600, 8192, 1316);
            SrtReceiver.Config rc = new SrtReceiver.Config(1000, peer, 0, 5 * MS, 120 * MS, true, true, 0, 8192,
                    true, 1316, 0);
            StreamKeys own = null;
            if (keys != null) {
                try {
                    own = StreamKeys.fromKeyMaterial(SECRET, keys.keyMaterial(KeyFlags.EVEN));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return new LiveConnection(new LiveConnection.Config(sc, rc, idleMs, own, SECRET, refresh, preAnnounce,
                    -1, 0, 0, 25, 1500, null), out, d, new SecureRandom(), 0);
        }
    }

    private static byte[] message(int n) {
        return ByteBuffer.allocate(1316).putInt(n).array();
    }

    /** Compares without printing thousands of numbers on failure. */
    private static void assertInOrderComplete(int n, List<Integer> delivered) {
        for (int k = 0; k < Math.min(n, delivered.size()); k++) {
            if (delivered.get(k) != k) {
                throw new AssertionError("message " + k + " delivered as " + delivered.get(k) + " (of "
                        + delivered.size() + ")");
            }
        }
        assertEquals(n, delivered.size());
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            l.add(k);
        }
        return l;
    }

    @Test
    void encryptedBothWaysWithFrequentKeyRotationUnderLossLosesNothing() {
        StreamKeys keys = StreamKeys.generate(SECRET, KeyLength.AES_256, new SecureRandom());
        Pair pair = new Pair(11, 5, keys, 200, 50, 5000);
        int n = 1500;
        for (int k = 0; k < n; k++) {
            pair.step(pair.now + MS);
            pair.a.send(message(k), 0, 1316, pair.now);
            pair.b.send(message(k), 0, 1316, pair.now);
        }
        pair.step(pair.now + 1000 * MS);
        assertInOrderComplete(n, pair.deliveredToB);
        assertInOrderComplete(n, pair.deliveredToA);
        SrtStats stats = pair.a.stats(pair.now, false);
        assertTrue(stats.keys().encrypted());
        assertEquals(32, stats.keys().keyLength());
        assertTrue(stats.keys().keySwitches() >= 6, "switches: " + stats.keys().keySwitches());
        assertTrue(stats.keys().events().stream().anyMatch(e -> e.kind() == KeyMaterialEvent.Kind.PEER_ACKNOWLEDGED));
        assertTrue(stats.keys().events().stream().anyMatch(e -> e.kind() == KeyMaterialEvent.Kind.PEER_REFRESHED));
        assertEquals(0, stats.total().pktRcvDrop());
        // Data on the wire is not the plaintext
        DataPacket onWire = pair.sentByA.stream().filter(DataPacket.class::isInstance).map(DataPacket.class::cast)
                .findFirst().orElseThrow();
        assertTrue(onWire.key() != KeyFlags.NONE);
        assertTrue(pair.sentByA.stream().anyMatch(p -> p instanceof UserDefinedPacket u
                && u.subtype() == UserDefinedPacket.SUBTYPE_KMREQ));
    }

    @Test
    void packetsUnderAnUnknownKeyCountAsUndecryptedAndAreRecoveredOnceTheKeyArrives() {
        StreamKeys keys = StreamKeys.generate(SECRET, KeyLength.AES_128, new SecureRandom());
        // 100% loss of nothing, but the KMREQ of the first pre-announce is withheld by dropping A->B control briefly.
        Pair pair = new Pair(3, 0, keys, 40, 5, 5000);
        int n = 200;
        boolean withheld = false;
        for (int k = 0; k < n; k++) {
            pair.step(pair.now + MS);
            if (!withheld) {
                int before = pair.queue.size();
                pair.a.send(message(k), 0, 1316, pair.now);
                // drop the KMREQ (if this send produced one) the first time
                if (pair.queue.removeIf(f -> f.packet instanceof UserDefinedPacket u
                        && u.subtype() == UserDefinedPacket.SUBTYPE_KMREQ)) {
                    withheld = true;
                }
                assertTrue(pair.queue.size() >= before);
            } else {
                pair.a.send(message(k), 0, 1316, pair.now);
            }
        }
        pair.step(pair.now + 1000 * MS);
        assertTrue(withheld);
        assertInOrderComplete(n, pair.deliveredToB);
        assertTrue(pair.b.stats(pair.now, false).total().pktRcvUndecrypt() > 0, "the switch outran the key");
    }

    @Test
    void keepAliveAfterOneSecondOfSilenceAndIdleTimeoutBreaksTheConnection() {
        Pair pair = new Pair(1, 0, null, 0, 0, 3000);
        pair.step(1100 * MS);
        assertTrue(pair.sentByA.stream().anyMatch(KeepAlivePacket.class::isInstance));
        assertEquals(LiveConnection.State.CONNECTED, pair.a.state(), "keep-alives keep it open");
        pair.queue.clear();
        // From now on B hears nothing: stop ticking A.
        for (long t = pair.now; t <= pair.now + 3100 * MS; t += 10 * MS) {
            pair.b.tick(t);
        }
        assertEquals(LiveConnection.State.BROKEN, pair.b.state());
    }

    @Test
    void shutdownClosesThePeer() {
        Pair pair = new Pair(1, 0, null, 0, 0, 5000);
        pair.a.send(message(1), 0, 1316, 0);
        pair.step(200 * MS);
        pair.a.close(pair.now);
        assertInstanceOf(ShutdownPacket.class, pair.sentByA.get(pair.sentByA.size() - 1));
        pair.step(pair.now + 20 * MS);
        assertEquals(LiveConnection.State.CLOSED_BY_PEER, pair.b.state());
        assertEquals(List.of(1), pair.deliveredToB);
    }

    @Test
    void packetsStillWaitingForTheirPlayTimeAreDeliveredWhenThePeerShutsDown() {
        Pair pair = new Pair(1, 0, null, 0, 0, 5000);
        for (int k = 0; k < 5; k++) {
            pair.a.send(message(k), 0, 1316, pair.now);
            pair.step(pair.now + MS);
        }
        pair.step(pair.now + 10 * MS);
        assertEquals(List.of(), pair.deliveredToB, "120 ms latency: nothing due yet");
        pair.a.close(pair.now);
        pair.step(pair.now + 10 * MS);
        assertEquals(List.of(0, 1, 2, 3, 4), pair.deliveredToB);
    }

    @Test
    void hsv4PeerSettingsArriveInUmsgExtHsreqAndAreAnswered() throws Exception {
        List<SrtPacket> sent = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        SrtSender.Config sc = new SrtSender.Config(1000, 9, 0, 120 * MS, true, 0, 25600, 8192, 1316);
        SrtReceiver.Config rc = new SrtReceiver.Config(1000, 9, 0, 0, 120 * MS, true, true, 0, 8192, true, 1316, 0);
        LiveConnection c = new LiveConnection(new LiveConnection.Config(sc, rc, 5000, null, null, 0, 0, -1, 0, 0, 25,
                1500, dev.weir.engine.srt.handshake.HandshakeConfig.defaults()), sent::add,
                d -> delivered.add(d.sequenceNumber()), new SecureRandom(), 0);
        // An SRT 1.2 sender proposes 300 ms; its clock reads 50 ms when the HSREQ arrives at our 70 ms.
        var hsreq = new dev.weir.engine.srt.handshake.SrtHandshakeExtension(
                dev.weir.engine.srt.handshake.SrtHandshakeExtension.version(1, 2, 0),
                dev.weir.engine.srt.handshake.SrtFlags.TSBPDSND | dev.weir.engine.srt.handshake.SrtFlags.TLPKTDROP
                        | dev.weir.engine.srt.handshake.SrtFlags.REXMITFLG, 0, 300);
        c.onPacket(new UserDefinedPacket(UserDefinedPacket.SUBTYPE_HSREQ, 0, hsreq.encode(), 50_000, 2), 70 * MS);
        UserDefinedPacket hsrsp = (UserDefinedPacket) sent.get(sent.size() - 1);
        assertEquals(UserDefinedPacket.SUBTYPE_HSRSP, hsrsp.subtype());
        assertEquals(9, hsrsp.destinationSocketId());
        assertEquals(300_000, c.receiver().latencyMicros());
        assertEquals(20 * MS, c.receiver().peerStartMicros());
        // A packet stamped 60 ms on the peer's clock plays at 20 + 60 + 300 = 380 ms on ours.
        c.onPacket(new DataPacket(1000, dev.weir.engine.srt.packet.PacketPosition.SOLO, false, KeyFlags.NONE, false,
                1, 60_000, 1, new byte[10]), 85 * MS);
        c.tick(379 * MS);
        assertEquals(List.of(), delivered);
        c.tick(380 * MS);
        assertEquals(List.of(1000), delivered);
    }

    @Test
    void statisticsCountWhatHappened() {
        Pair pair = new Pair(5, 10, null, 0, 0, 5000);
        for (int k = 0; k < 500; k++) {
            pair.step(pair.now + MS);
            pair.a.send(message(k), 0, 1316, pair.now);
        }
        pair.step(pair.now + 500 * MS);
        SrtStats a = pair.a.stats(pair.now, true);
        SrtStats b = pair.b.stats(pair.now, true);
        assertEquals(500, a.total().pktSentUnique());
        assertEquals(500, b.total().pktRecvUnique());
        assertTrue(b.total().pktRcvLoss() > 20);
        assertEquals(a.total().pktRetrans(), b.total().pktRcvRetrans() + lostRetransmissions(a, b));
        assertTrue(a.total().pktSent() == 500 + a.total().pktRetrans());
        assertTrue(b.instant().msRTT() > 9 && b.instant().msRTT() < 13, "RTT ~10 ms: " + b.instant().msRTT());
        assertEquals(120, b.instant().msRcvTsbPdDelay());
        assertTrue(a.interval().mbpsSendRate() > 0);
        SrtStats again = pair.a.stats(pair.now + MS, false);
        assertEquals(0, again.interval().pktSent(), "interval restarted");
        assertEquals(a.total().pktSent(), again.total().pktSent());
    }

    private static long lostRetransmissions(SrtStats a, SrtStats b) {
        // Retransmissions can be lost on the link as well; they are the difference.
        return a.total().pktRetrans() - b.total().pktRcvRetrans();
    }
}

package dev.weir.engine.srt.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.handshake.AcceptDecision;
import dev.weir.engine.srt.handshake.AcceptPolicy;
import dev.weir.engine.srt.handshake.RejectCode;
import dev.weir.engine.srt.handshake.RejectReason;
import dev.weir.engine.srt.options.SrtUrl;
import dev.weir.engine.srt.stats.SrtStats;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Weir caller ↔ Weir listener over real loopback UDP sockets. */
class SrtLoopbackTest {

    private static void exchange(String listenerOptions, String callerOptions, int messages) throws Exception {
        AtomicReference<String> seenStreamId = new AtomicReference<>();
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort() + "?mode=listener" + listenerOptions),
                request -> {
                    seenStreamId.set(request.streamId());
                    return AcceptDecision.accept();
                })) {
            int port = listener.localAddress().getPort();
            try (SrtConnection caller = SrtCaller.connect(SrtUrl.parse("srt://127.0.0.1:" + port
                    + "?streamid=live/cam1" + callerOptions));
                 SrtConnection accepted = listener.accept(3000)) {
                assertEquals("live/cam1", seenStreamId.get());
                assertEquals("live/cam1", accepted.streamId());
                for (int k = 0; k < messages; k++) {
                    caller.write(ByteBuffer.allocate(1316).putInt(k).array());
                }
                byte[] buf = new byte[1500];
                for (int k = 0; k < messages; k++) {
                    int n = accepted.read(buf, 3000);
                    assertEquals(1316, n);
                    assertEquals(k, ByteBuffer.wrap(buf).getInt());
                }
                SrtStats stats = accepted.stats(false);
                assertEquals(messages, stats.total().pktRecvUnique());
                assertTrue(caller.stats(false).total().pktSentUnique() == messages);
            }
        }
    }

    private static int freePort() throws Exception {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void clearMessagesArriveInOrder() throws Exception {
        exchange("", "", 300);
    }

    @Test
    void encryptedMessagesArriveInOrder() throws Exception {
        exchange("&passphrase=0123456789abcdef&pbkeylen=32", "&passphrase=0123456789abcdef&pbkeylen=32", 300);
    }

    @Test
    void oneListenerPortServesSeveralCallersAtOnce() throws Exception {
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort()), AcceptPolicy.acceptAll())) {
            String base = "srt://127.0.0.1:" + listener.localAddress().getPort() + "?streamid=";
            try (SrtConnection a = SrtCaller.connect(SrtUrl.parse(base + "a"));
                 SrtConnection b = SrtCaller.connect(SrtUrl.parse(base + "b"));
                 SrtConnection first = listener.accept(3000);
                 SrtConnection second = listener.accept(3000)) {
                assertEquals(2, listener.connectionCount());
                for (int k = 0; k < 100; k++) {
                    a.write(ByteBuffer.allocate(100).putInt(k).array());
                    b.write(ByteBuffer.allocate(100).putInt(1000 + k).array());
                }
                byte[] buf = new byte[1500];
                for (SrtConnection c : new SrtConnection[] {first, second}) {
                    int offset = c.streamId().equals("a") ? 0 : 1000;
                    for (int k = 0; k < 100; k++) {
                        assertEquals(100, c.read(buf, 3000));
                        assertEquals(offset + k, ByteBuffer.wrap(buf).getInt(), c.streamId());
                    }
                }
                a.close();
                assertEquals(-1, (first.streamId().equals("a") ? first : second).read(buf, 3000),
                        "the listener side sees the caller's shutdown");
            }
        }
    }

    @Test
    void aMessageHandlerGetsTheQueuedMessagesFirstThenEveryNewOneInOrderAndReadWaitsForTheEnd() throws Exception {
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort() + "?latency=20"),
                AcceptPolicy.acceptAll())) {
            try (SrtConnection caller = SrtCaller.connect(SrtUrl.parse("srt://127.0.0.1:"
                    + listener.localAddress().getPort() + "?latency=20"));
                 SrtConnection accepted = listener.accept(3000)) {
                for (int k = 0; k < 50; k++) {
                    caller.write(ByteBuffer.allocate(1316).putInt(k).array());
                }
                Thread.sleep(300); // well past the 20 ms latency: all 50 are queued for read()
                List<Integer> handled = new CopyOnWriteArrayList<>();
                List<String> threads = new CopyOnWriteArrayList<>();
                List<Integer> lengths = new CopyOnWriteArrayList<>();
                accepted.deliverTo((message, length) -> {
                    lengths.add(length);
                    handled.add(ByteBuffer.wrap(message).getInt());
                    threads.add(Thread.currentThread().getName());
                });
                assertEquals(50, handled.size(), "the queued messages went to the handler at once");
                for (int k = 50; k < 300; k++) {
                    caller.write(ByteBuffer.allocate(1316).putInt(k).array());
                }
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (handled.size() < 300 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(IntStream.range(0, 300).boxed().toList(), handled, "every message, once, in order");
                assertEquals(Set.of(1316), Set.copyOf(lengths));
                assertTrue(threads.subList(50, 300).stream().allMatch(t -> t.startsWith("srt-")),
                        "new messages are handled on the connection's own threads: " + Set.copyOf(threads));
                assertThrows(SocketTimeoutException.class, () -> accepted.read(new byte[1500], 100),
                        "read() hands out nothing once a handler takes the messages");
                caller.close();
                assertEquals(-1, accepted.read(new byte[1500], 3000), "read() still sees the end");
            }
        }
    }

    @Test
    void aFastFlowIsReceivedByPollingWithNothingLostAndASlowOneBlocksAgain() throws Exception {
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort() + "?latency=50"),
                AcceptPolicy.acceptAll())) {
            try (SrtConnection caller = SrtCaller.connect(SrtUrl.parse("srt://127.0.0.1:"
                    + listener.localAddress().getPort() + "?latency=50"));
                 SrtConnection accepted = listener.accept(3000)) {
                List<Integer> handled = new CopyOnWriteArrayList<>();
                accepted.deliverTo((message, length) -> handled.add(ByteBuffer.wrap(message).getInt()));
                assertFalse(listener.multiplexer().receivePolling(), "no flow yet: blocking");
                boolean polled = false;
                int messages = 8000;
                long start = System.nanoTime();
                for (int k = 0; k < messages; k++) {
                    caller.write(ByteBuffer.allocate(1316).putInt(k).array());
                    if (k % 10 == 9) {
                        // some 10 000 messages a second (100 Mbit/s), for 0.8 s
                        long due = start + (k + 1) * 100_000L;
                        while (System.nanoTime() < due) {
                            Thread.onSpinWait();
                        }
                        polled |= listener.multiplexer().receivePolling();
                    }
                }
                assertTrue(polled, "the listener's receive thread polled during the fast flow");
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (handled.size() < messages && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(IntStream.range(0, messages).boxed().toList(), handled, "every message, once, in order");
                deadline = System.nanoTime() + 3_000_000_000L;
                while (listener.multiplexer().receivePolling() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertFalse(listener.multiplexer().receivePolling(), "only ACKs and keep-alives left: blocking again");
            }
        }
    }

    @Test
    void wrongPassphraseIsRejectedWithBadSecret() throws Exception {
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort()
                + "?passphrase=0123456789abcdef"), AcceptPolicy.acceptAll())) {
            SrtConnectException e = assertThrows(SrtConnectException.class, () -> SrtCaller.connect(SrtUrl.parse(
                    "srt://127.0.0.1:" + listener.localAddress().getPort() + "?passphrase=wrongwrongwrong")));
            assertEquals(RejectCode.of(RejectReason.BADSECRET), e.code());
        }
    }

    @Test
    void aCallerRefusingTheListenersAnswerShutsDownTheListenersSocket() throws Exception {
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort()
                + "?enforcedencryption=false"), AcceptPolicy.acceptAll())) {
            // The listener has no passphrase and does not enforce: it accepts. The caller enforces: it refuses.
            SrtConnectException e = assertThrows(SrtConnectException.class, () -> SrtCaller.connect(SrtUrl.parse(
                    "srt://127.0.0.1:" + listener.localAddress().getPort() + "?passphrase=0123456789abcdef")));
            assertTrue(e.getMessage().contains("encryption"), e.getMessage());
            SrtConnection orphan = listener.accept(3000);
            long start = System.nanoTime();
            assertEquals(-1, orphan.read(new byte[1500], 3000), "closed by the caller's shutdown");
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "well before the 5 s idle timeout");
        }
    }

    @Test
    void applicationRejectionReachesTheCaller() throws Exception {
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort()),
                request -> AcceptDecision.reject(RejectCode.FORBIDDEN))) {
            SrtConnectException e = assertThrows(SrtConnectException.class, () -> SrtCaller.connect(SrtUrl.parse(
                    "srt://127.0.0.1:" + listener.localAddress().getPort() + "?streamid=nope")));
            assertEquals(RejectCode.FORBIDDEN, e.code());
        }
    }
}

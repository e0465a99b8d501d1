package dev.weir.engine.srt.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.HandshakePacket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our caller against our listener over a simulated network with a fake clock: no sockets, no sleeping. */
class HandshakeStateMachineTest {

    private static final HandshakeConfig DEFAULTS = HandshakeConfig.defaults();

    @Test
    void connectsInFourDatagramsWithTheCallersIsnStreamIdAndLatency() {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS.withStreamId("live/cam1").withLatency(80),
                DEFAULTS.withLatency(250)).run();
        assertEquals(4, h.wire.size());
        assertEquals(List.of(HandshakeType.INDUCTION, HandshakeType.INDUCTION, HandshakeType.CONCLUSION,
                HandshakeType.CONCLUSION), h.wire.stream().map(HandshakePacket::handshakeType).toList());
        assertEquals(ExtensionFlags.HSV5_MAGIC, h.wire.get(1).extensionField());
        NegotiatedConnection caller = h.callerConnection;
        NegotiatedConnection listener = h.listenerConnections.get(0);
        assertEquals(0x12345, caller.initialSequenceNumber());
        assertEquals(0x12345, listener.initialSequenceNumber());
        assertEquals(listener.localSocketId(), caller.peerSocketId());
        assertEquals(caller.localSocketId(), listener.peerSocketId());
        assertEquals("live/cam1", listener.streamId());
        // Latency: the larger of both sides, in both directions.
        assertEquals(250, caller.receiveLatencyMs());
        assertEquals(250, caller.sendLatencyMs());
        assertEquals(250, listener.receiveLatencyMs());
        assertEquals(250, listener.sendLatencyMs());
        assertEquals(HandshakeHarness.CALLER_ADDRESS, listener.peer());
        assertEquals(KmState.UNSECURED, caller.kmState());
    }

    @ParameterizedTest(name = "datagram {0} lost")
    @ValueSource(ints = {0, 1, 2, 3})
    void survivesTheLossOfAnyHandshakeDatagram(int lost) {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS, DEFAULTS, AcceptPolicy.acceptAll(), Set.of(lost)).run();
        assertNotNull(h.callerConnection, () -> "connected despite losing datagram " + lost);
        assertEquals(1, h.listenerConnections.size(), "exactly one connection on the listener");
        assertEquals(h.listenerConnections.get(0).localSocketId(), h.callerConnection.peerSocketId());
        assertTrue(h.now - HandshakeHarness.START >= CallerHandshake.FIRST_RETRY_MICROS, "waited for a resend");
    }

    @Test
    void survivesSeveralLossesWithBackoffWithinTheTimeout() {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS, DEFAULTS, AcceptPolicy.acceptAll(),
                Set.of(0, 1, 3, 5)).run();
        assertNotNull(h.callerConnection);
        assertEquals(1, h.listenerConnections.size());
    }

    @Test
    void repeatedConclusionGetsTheSameAnswerAndNoSecondConnection() {
        // Drop the first conclusion response (datagram 3): the caller repeats its conclusion.
        HandshakeHarness h = new HandshakeHarness(DEFAULTS.withStreamId("s"), DEFAULTS, AcceptPolicy.acceptAll(),
                Set.of(3)).run();
        assertEquals(1, h.requests.size(), "the application was asked once");
        assertEquals(1, h.listenerConnections.size());
        // Repeat the conclusion once more after connecting: same bytes back, still one connection.
        HandshakePacket conclusion = h.wire.get(2);
        List<HandshakeAction> again = h.listener.onHandshake(conclusion, HandshakeHarness.CALLER_ADDRESS,
                h.now + 1000);
        assertEquals(1, again.size());
        HandshakePacket answer = ((HandshakeAction.Send) again.get(0)).packet();
        assertArrayEquals(h.wire.get(h.wire.size() - 1).toBytes(), answer.toBytes());
        assertEquals(1, h.listenerConnections.size());
        // The caller, already connected, ignores the duplicate answer.
        assertEquals(List.of(), h.caller.onHandshake(answer, h.now + 2000));
        // Once forgotten (connection closed), the same conclusion would be a new request.
        h.listener.forget(HandshakeHarness.CALLER_ADDRESS, conclusion.socketId());
        assertEquals(0, h.listener.rememberedAnswers());
    }

    @Test
    void timesOutWhenTheListenerNeverAnswers() {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS.withConnectTimeout(Duration.ofSeconds(3)), DEFAULTS,
                AcceptPolicy.acceptAll(), Set.copyOf(IntStream.range(0, 100).boxed().toList())).run();
        assertNull(h.callerConnection);
        assertEquals(RejectCode.of(RejectReason.TIMEOUT), h.callerFailure.code());
        assertEquals(HandshakeHarness.START + 3_000_000, h.now);
        // 250, 500, then every 1000 ms: sends at 0, 0.25, 0.75, 1.75, 2.75 s.
        assertEquals(5, h.datagrams);
        assertEquals(CallerHandshake.State.FAILED, h.caller.state());
    }

    @Test
    void applicationRejectionReachesTheCallerWithItsCode() {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS.withStreamId("secret-stream"), DEFAULTS,
                request -> request.streamId().startsWith("secret")
                        ? AcceptDecision.reject(RejectCode.FORBIDDEN) : AcceptDecision.accept(), Set.of()).run();
        assertNull(h.callerConnection);
        assertEquals(RejectCode.FORBIDDEN, h.callerFailure.code());
        assertEquals(2403, h.wire.get(3).handshakeType());
        assertTrue(h.listenerConnections.isEmpty());
    }

    @Test
    void invalidCookieIsDroppedAndOldBucketStillValid() {
        SynCookies cookies = new SynCookies(new byte[32]);
        long t = 5 * SynCookies.BUCKET_MICROS + 10;
        int cookie = cookies.cookie(HandshakeHarness.CALLER_ADDRESS, t);
        assertTrue(cookies.isValid(cookie, HandshakeHarness.CALLER_ADDRESS, t + SynCookies.BUCKET_MICROS));
        assertTrue(!cookies.isValid(cookie, HandshakeHarness.CALLER_ADDRESS, t + 2 * SynCookies.BUCKET_MICROS));
        assertTrue(!cookies.isValid(cookie, new java.net.InetSocketAddress("127.0.0.1", 40001), t));

        HandshakeHarness h = new HandshakeHarness(DEFAULTS, DEFAULTS).run();
        HandshakePacket conclusion = h.wire.get(2);
        HandshakePacket forged = new HandshakePacket(5, 0, conclusion.extensionField(),
                conclusion.initialSequenceNumber(), 1500, 8192, HandshakeType.CONCLUSION, 0x7777,
                conclusion.synCookie() ^ 1, conclusion.peerAddress(), conclusion.extensions(), 0, 0);
        assertEquals(List.of(), h.listener.onHandshake(forged, HandshakeHarness.CALLER_ADDRESS, h.now));
    }

    @Test
    void hsv4CallerIsAcceptedWithAV4Answer() {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS, DEFAULTS);
        HandshakePacket induction = new HandshakePacket(4, 0, ExtensionFlags.UDT_DGRAM, 999, 1500, 8192,
                HandshakeType.INDUCTION, 0x4444, 0, new byte[16], List.of(), 0, 0);
        HandshakePacket inductionAnswer = sendOnly(h.listener.onHandshake(induction,
                HandshakeHarness.CALLER_ADDRESS, h.now));
        assertEquals(5, inductionAnswer.version());   // an old caller ignores this and stays on v4
        HandshakePacket conclusion = new HandshakePacket(4, 0, ExtensionFlags.UDT_DGRAM, 999, 1316, 8192,
                HandshakeType.CONCLUSION, 0x4444, inductionAnswer.synCookie(), new byte[16], List.of(), 0, 0);
        List<HandshakeAction> actions = h.listener.onHandshake(conclusion, HandshakeHarness.CALLER_ADDRESS,
                h.now + 10);
        HandshakePacket answer = sendOnly(actions.subList(0, 1));
        assertEquals(4, answer.version());
        assertEquals(HandshakeType.CONCLUSION, answer.handshakeType());
        assertEquals(List.of(), answer.extensions());
        assertEquals(0x4444, answer.destinationSocketId());
        NegotiatedConnection c = ((HandshakeAction.Connected) actions.get(1)).connection();
        assertEquals(4, c.handshakeVersion());
        assertEquals(1316, c.mss());
        assertEquals(999, c.initialSequenceNumber());
    }

    private static HandshakePacket sendOnly(List<HandshakeAction> actions) {
        assertEquals(1, actions.size(), actions::toString);
        return ((HandshakeAction.Send) actions.get(0)).packet();
    }

    @Test
    void listenerRejectsWhatItCannotServe() {
        assertListenerRejects(RejectReason.MESSAGEAPI, hsreq(SrtFlags.WEIR_LIVE | SrtFlags.STREAM), null);
        assertListenerRejects(RejectReason.CONGESTION, hsreq(SrtFlags.WEIR_LIVE),
                new HandshakeExtensionBlock(HandshakeExtensionBlock.CONGESTION,
                        WordSwappedString.encode("file", 64)));
        assertListenerRejects(RejectReason.FILTER, hsreq(SrtFlags.WEIR_LIVE),
                new HandshakeExtensionBlock(HandshakeExtensionBlock.FILTER, WordSwappedString.encode("fec", 64)));
        assertListenerRejects(RejectReason.ROGUE, null, null);
    }

    private static HandshakeExtensionBlock hsreq(int flags) {
        return new SrtHandshakeExtension(SrtHandshakeExtension.version(1, 5, 1), flags, 120, 120)
                .toBlock(HandshakeExtensionBlock.HSREQ);
    }

    private static void assertListenerRejects(RejectReason expected, HandshakeExtensionBlock hsreq,
                                              HandshakeExtensionBlock extra) {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS, DEFAULTS);
        int cookie = new SynCookies(new byte[32]).cookie(HandshakeHarness.CALLER_ADDRESS, h.now);
        List<HandshakeExtensionBlock> blocks = new java.util.ArrayList<>();
        if (hsreq != null) {
            blocks.add(hsreq);
        }
        if (extra != null) {
            blocks.add(extra);
        }
        HandshakePacket conclusion = new HandshakePacket(5, 0, 5, 1, 1500, 8192, HandshakeType.CONCLUSION, 0x5555,
                cookie, new byte[16], blocks, 0, 0);
        HandshakePacket answer = sendOnly(h.listener.onHandshake(conclusion, HandshakeHarness.CALLER_ADDRESS,
                h.now));
        assertEquals(1000 + expected.code(), answer.handshakeType(), expected::toString);
        assertEquals(0x5555, answer.destinationSocketId());
    }

    @Test
    void unknownExtensionBlocksAreSkipped() {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS, DEFAULTS);
        int cookie = new SynCookies(new byte[32]).cookie(HandshakeHarness.CALLER_ADDRESS, h.now);
        HandshakePacket conclusion = new HandshakePacket(5, 0, 5, 1, 1500, 8192, HandshakeType.CONCLUSION, 0x5555,
                cookie, new byte[16], List.of(new HandshakeExtensionBlock(0x99, new byte[8]),
                        hsreq(SrtFlags.WEIR_LIVE), new HandshakeExtensionBlock(HandshakeExtensionBlock.SID,
                                WordSwappedString.encode("cam", 512))), 0, 0);
        List<HandshakeAction> actions = h.listener.onHandshake(conclusion, HandshakeHarness.CALLER_ADDRESS, h.now);
        assertEquals(2, actions.size(), actions::toString);
        assertEquals("cam", ((HandshakeAction.Connected) actions.get(1)).connection().streamId());
    }

    @Test
    void unsupportedVersionIsRejected() {
        HandshakeHarness h = new HandshakeHarness(DEFAULTS, DEFAULTS);
        int cookie = new SynCookies(new byte[32]).cookie(HandshakeHarness.CALLER_ADDRESS, h.now);
        HandshakePacket conclusion = new HandshakePacket(6, 0, 0, 1, 1500, 8192, HandshakeType.CONCLUSION, 0x5555,
                cookie, new byte[16], List.of(), 0, 0);
        assertEquals(1008, sendOnly(h.listener.onHandshake(conclusion, HandshakeHarness.CALLER_ADDRESS, h.now))
                .handshakeType());
    }
}

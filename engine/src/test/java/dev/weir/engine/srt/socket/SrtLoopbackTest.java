package dev.weir.engine.srt.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.handshake.AcceptDecision;
import dev.weir.engine.srt.handshake.AcceptPolicy;
import dev.weir.engine.srt.handshake.RejectCode;
import dev.weir.engine.srt.handshake.RejectReason;
import dev.weir.engine.srt.options.SrtUrl;
import dev.weir.engine.srt.stats.SrtStats;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
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
    void wrongPassphraseIsRejectedWithBadSecret() throws Exception {
        try (SrtListener listener = SrtListener.bind(SrtUrl.parse("srt://:" + freePort()
                + "?passphrase=0123456789abcdef"), AcceptPolicy.acceptAll())) {
            SrtConnectException e = assertThrows(SrtConnectException.class, () -> SrtCaller.connect(SrtUrl.parse(
                    "srt://127.0.0.1:" + listener.localAddress().getPort() + "?passphrase=wrongwrongwrong")));
            assertEquals(RejectCode.of(RejectReason.BADSECRET), e.code());
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

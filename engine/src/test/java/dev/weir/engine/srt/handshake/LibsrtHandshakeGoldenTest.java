package dev.weir.engine.srt.handshake;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weir.engine.srt.packet.GoldenCapture;
import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.PacketCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handshakes captured between two srt-live-transmit 1.5.1 (golden/srt/*.txt), read and answered by our code. */
class LibsrtHandshakeGoldenTest {

    private static HandshakePacket handshake(String capture, String direction, int n) throws Exception {
        byte[] bytes = GoldenCapture.load(capture).nth(direction, 0x8000, n);
        return (HandshakePacket) PacketCodec.decode(bytes, 0, bytes.length);
    }

    @Test
    void callerInductionAsAnnotated() throws Exception {
        byte[] expected = hex("""
                80000000 00000000 000000fe 00000000   # control type 0 handshake, ts 254, dest 0
                00000004                              # version 4 (libsrt callers start every induction with 4)
                0000 0002                             # encryption 0, extension field 2 (UDT_DGRAM)
                548ec931                              # initial sequence number
                000005dc 00002000                     # MSS 1500, flow window 8192
                00000001                              # type 1 induction
                06da4e41                              # caller socket id
                00000000                              # cookie 0
                0100007f 00000000 00000000 00000000   # 127.0.0.1, each 32-bit word byte-swapped
                """);
        byte[] captured = GoldenCapture.load("plain.txt").nth("C>L", 0x8000, 0);
        assertArrayEquals(expected, captured);
        HandshakePacket p = handshake("plain.txt", "C>L", 0);
        assertEquals(InetAddress.getByName("127.0.0.1"), PeerAddressField.decode(p.peerAddress()));
        assertArrayEquals(p.peerAddress(), PeerAddressField.encode(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void conclusionExtensionsAsLibsrtWritesThem() throws Exception {
        HandshakePacket conclusion = handshake("plain.txt", "C>L", 1);
        assertEquals(HandshakeType.CONCLUSION, conclusion.handshakeType());
        assertEquals(ExtensionFlags.HSREQ | ExtensionFlags.CONFIG, conclusion.extensionField());
        ConclusionExtensions ext = ConclusionExtensions.parse(conclusion, false);
        assertEquals(new SrtHandshakeExtension(0x010501, 0xbf, 120, 0), ext.srt());
        assertEquals("live/abc", ext.streamId());
        // "live/abc" travels as "evil" "cba/": each 32-bit word byte-swapped.
        assertArrayEquals(hex("6576696c 6362612f"), conclusion.extension(HandshakeExtensionBlock.SID).content());
        assertArrayEquals(hex("6576696c 6362612f"), WordSwappedString.encode("live/abc", 512));

        HandshakePacket crypt = handshake("crypt.txt", "C>L", 1);
        ConclusionExtensions cryptExt = ConclusionExtensions.parse(crypt, false);
        assertEquals("#!::r=live/x,m=publish", cryptExt.streamId());   // 22 bytes: last word zero-padded
        assertArrayEquals(crypt.extension(HandshakeExtensionBlock.SID).content(),
                WordSwappedString.encode("#!::r=live/x,m=publish", 512));
        assertEquals(2, crypt.encryptionField());                            // AES-128
        assertEquals(56, cryptExt.kmreq().length);

        HandshakePacket response = handshake("lossy.txt", "L>C", 1);       // listener latency 200, caller 120
        assertEquals(new SrtHandshakeExtension(0x010501, 0xbf, 200, 200),
                ConclusionExtensions.parse(response, true).srt());
        HandshakePacket rejection = handshake("badpass.txt", "L>C", 1);
        assertEquals(RejectCode.of(RejectReason.BADSECRET), RejectCode.fromHandshakeType(rejection.handshakeType()));
    }

    @Test
    void ourCallerCompletesAgainstCapturedLibsrtListenerAnswers() throws Exception {
        HandshakePacket libsrtInduction = handshake("plain.txt", "C>L", 0);
        InetSocketAddress listener = new InetSocketAddress("127.0.0.1", 9100);
        // Same socket id and ISN as the captured caller, so the captured answers fit us.
        CallerHandshake caller = new CallerHandshake(HandshakeConfig.defaults().withStreamId("live/abc"), listener,
                libsrtInduction.socketId(), libsrtInduction.initialSequenceNumber(), new SecureRandom(), 0);
        HandshakePacket ourInduction = ((HandshakeAction.Send) caller.start(0).get(0)).packet();
        assertEquals(libsrtInduction.toBytes().length, ourInduction.toBytes().length);
        assertEquals(libsrtInduction.withTimestamp(0), ourInduction.withTimestamp(0));

        List<HandshakeAction> afterInduction = caller.onHandshake(handshake("plain.txt", "L>C", 0), 1000);
        HandshakePacket ourConclusion = ((HandshakeAction.Send) afterInduction.get(0)).packet();
        HandshakePacket libsrtConclusion = handshake("plain.txt", "C>L", 1);
        assertEquals(libsrtConclusion.synCookie(), ourConclusion.synCookie());
        assertEquals(libsrtConclusion.extensionField(), ourConclusion.extensionField());
        assertArrayEquals(libsrtConclusion.extension(HandshakeExtensionBlock.SID).content(),
                ourConclusion.extension(HandshakeExtensionBlock.SID).content());

        List<HandshakeAction> done = caller.onHandshake(handshake("plain.txt", "L>C", 1), 2000);
        NegotiatedConnection c = ((HandshakeAction.Connected) done.get(0)).connection();
        assertNotNull(c);
        assertEquals(0x25737437, c.peerSocketId());
        assertEquals(120, c.receiveLatencyMs());
        assertEquals(0x010501, c.peerSrtVersion());
    }

    @Test
    void ourListenerAnswersACapturedLibsrtInduction() throws Exception {
        HandshakePacket induction = handshake("plain.txt", "C>L", 0);
        InetSocketAddress caller = new InetSocketAddress("127.0.0.1", 50000);
        ListenerHandshake listener = new ListenerHandshake(HandshakeConfig.defaults(), AcceptPolicy.acceptAll(),
                new SynCookies(new byte[32]), () -> 1, 0);
        HandshakePacket answer = ((HandshakeAction.Send) listener.onHandshake(induction, caller, 0).get(0)).packet();
        HandshakePacket libsrtAnswer = handshake("plain.txt", "L>C", 0);
        // Same as libsrt's answer except the cookie (secret-dependent) and timestamp.
        assertEquals(libsrtAnswer.withTimestamp(0).withCookie(0), answer.withTimestamp(0).withCookie(0));
    }

    @Test
    void oneWordKmResponseIsLittleEndianLikeLibsrt() {
        // srt-live-transmit 1.5.1 as listener (enforcedencryption=false) answered our KMREQ with these KMRSPs:
        // "04000000" for a different passphrase and "03000000" without a passphrase (SrtHandshakeInteropIT).
        assertEquals(KmState.BADSECRET, KmState.ofKmrspWord(hex("04000000")));
        assertEquals(KmState.NOSECRET, KmState.ofKmrspWord(hex("03000000")));
        assertArrayEquals(hex("03000000"), KmState.NOSECRET.toKmrspWord());
        assertEquals(KmState.NOSECRET, KmState.ofKmrspWord(hex("00000003")));   // tolerant of big-endian peers
    }

    @Test
    void rejectCodesMapToTheWireLikeLibsrt() {
        assertEquals(1010, RejectCode.of(RejectReason.BADSECRET).toHandshakeType());
        assertEquals(2403, RejectCode.FORBIDDEN.toHandshakeType());
        assertEquals(3005, RejectCode.userDefined(5).toHandshakeType());
        assertEquals(RejectCode.UNAUTHORIZED, RejectCode.fromHandshakeType(2401));
        assertEquals(RejectReason.TIMEOUT, RejectCode.fromHandshakeType(1016).internalReason());
        assertEquals(RejectReason.CRYPTO, RejectReason.ofCode(17));
        assertEquals(new RejectCode(0), RejectCode.fromHandshakeType(1050));   // unknown internal code
        assertEquals(new RejectCode(0), RejectCode.fromHandshakeType(1));      // not a rejection at all
    }
}

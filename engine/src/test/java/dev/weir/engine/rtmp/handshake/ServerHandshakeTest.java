package dev.weir.engine.rtmp.handshake;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerHandshakeTest {
    /** The 32 bytes every "Genuine Adobe" key ends with (public protocol constant, as published by rtmpdump). */
    private static final byte[] KEY_TAIL = HexFormat.of().parseHex(
            "f0eec24a8068bee82e00d0d1029e7e576eec5d2d29806fab93b8e636cfeb31ae");

    private static byte[] ffmpegC0C1() throws Exception {
        try (InputStream in = ServerHandshakeTest.class.getResourceAsStream("/golden/rtmp/c0c1-ffmpeg-5.1.bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void findsTheSchema1DigestInFfmpegsC1() throws Exception {
        byte[] c0c1 = ffmpegC0C1();
        assertEquals(3, c0c1[0], "C0: RTMP version 3");
        // C1[4..8] = 09 00 7c 02: Flash Player 9.0.124.2, so a digest is expected
        assertArrayEquals(new byte[] {0x09, 0x00, 0x7c, 0x02}, Arrays.copyOfRange(c0c1, 5, 9));

        var found = HandshakeDigest.findClientDigest(c0c1, 1).orElseThrow();

        assertEquals(HandshakeDigest.Schema.SCHEMA_1, found.schema());
        // C1[8..12] = f7 78 55 1e → (247+120+85+30) % 728 + 12 = 494
        assertArrayEquals(Arrays.copyOfRange(c0c1, 1 + 494, 1 + 494 + 32), found.digest());
    }

    @Test
    void answersADigestC1WithASignedS1AndS2() throws Exception {
        byte[] c0c1 = ffmpegC0C1();

        var response = ServerHandshake.respond(c0c1, 0x01020304, new SplittableRandom(7));
        byte[] out = response.s0s1s2();

        assertEquals(ServerHandshake.Kind.DIGEST, response.kind());
        assertEquals(3073, out.length);
        assertEquals(3, out[0], "S0: version 3");
        byte[] s1 = Arrays.copyOfRange(out, 1, 1537);
        byte[] s2 = Arrays.copyOfRange(out, 1537, 3073);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOfRange(s1, 0, 4), "S1 time");
        assertArrayEquals(new byte[] {0x0d, 0x0e, 0x0a, 0x0d}, Arrays.copyOfRange(s1, 4, 8), "S1 version");

        // S1 digest, in the client's schema 1, keyed with "Genuine Adobe Flash Media Server 001" (36 bytes)
        int sum = (s1[8] & 0xff) + (s1[9] & 0xff) + (s1[10] & 0xff) + (s1[11] & 0xff);
        int at = sum % 728 + 12;
        Mac fms = hmac("Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII));
        fms.update(s1, 0, at);
        fms.update(s1, at + 32, 1536 - at - 32);
        assertArrayEquals(fms.doFinal(), Arrays.copyOfRange(s1, at, at + 32), "S1 digest");

        // S2 signature: key = HMAC(full 68-byte FMS key, C1 digest); signature = HMAC(key, S2[0..1504])
        byte[] clientDigest = Arrays.copyOfRange(c0c1, 1 + 494, 1 + 494 + 32);
        byte[] fullKey = concat("Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII), KEY_TAIL);
        byte[] s2Key = hmac(fullKey).doFinal(clientDigest);
        Mac sign = hmac(s2Key);
        sign.update(s2, 0, 1504);
        assertArrayEquals(sign.doFinal(), Arrays.copyOfRange(s2, 1504, 1536), "S2 signature");
    }

    @Test
    void answersAZeroVersionC1WithTheSimpleEcho() throws Exception {
        byte[] c0c1 = new byte[1537];
        c0c1[0] = 3;
        for (int i = 9; i < c0c1.length; i++) {
            c0c1[i] = (byte) (i * 31);
        }

        var response = ServerHandshake.respond(c0c1, 0, new SplittableRandom(1));
        byte[] out = response.s0s1s2();

        assertEquals(ServerHandshake.Kind.SIMPLE, response.kind());
        assertArrayEquals(new byte[4], Arrays.copyOfRange(out, 5, 9), "S1 version bytes are zero");
        assertArrayEquals(Arrays.copyOfRange(c0c1, 1, 1537), Arrays.copyOfRange(out, 1537, 3073), "S2 echoes C1");
    }

    @Test
    void aC1WithAVersionButNoValidDigestGetsTheSimpleHandshake() throws Exception {
        byte[] c0c1 = ffmpegC0C1();
        c0c1[1 + 494] ^= 1; // break the digest

        assertEquals(ServerHandshake.Kind.SIMPLE, ServerHandshake.respond(c0c1, 0, new SplittableRandom(1)).kind());
    }

    @Test
    void findsASchema0Digest() throws Exception {
        byte[] c1 = new byte[1536];
        new SplittableRandom(3).nextBytes(c1);
        // schema 0: digest block at 772, offset = (sum of bytes 772..775) % 728 + 776
        int at = ((c1[772] & 0xff) + (c1[773] & 0xff) + (c1[774] & 0xff) + (c1[775] & 0xff)) % 728 + 776;
        Mac fp = hmac("Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII));
        fp.update(c1, 0, at);
        fp.update(c1, at + 32, 1536 - at - 32);
        System.arraycopy(fp.doFinal(), 0, c1, at, 32);

        var found = HandshakeDigest.findClientDigest(c1, 0).orElseThrow();

        assertEquals(HandshakeDigest.Schema.SCHEMA_0, found.schema());
        byte[] c0c1 = concat(new byte[] {3}, c1);
        var response = ServerHandshake.respond(c0c1, 0, new SplittableRandom(2));
        assertEquals(HandshakeDigest.Schema.SCHEMA_0, response.schema());
    }

    @Test
    void refusesEncryptedAndNonRtmpClients() {
        byte[] rtmpe = new byte[1537];
        rtmpe[0] = 6;
        byte[] http = new byte[1537];
        http[0] = 'G';

        var e = assertThrows(HandshakeException.class, () -> ServerHandshake.respond(rtmpe, 0, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("RTMPE"));
        assertThrows(HandshakeException.class, () -> ServerHandshake.respond(http, 0, new SplittableRandom(1)));
    }

    private static Mac hmac(byte[] key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

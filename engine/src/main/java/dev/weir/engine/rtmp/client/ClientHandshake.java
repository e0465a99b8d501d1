package dev.weir.engine.rtmp.client;

import dev.weir.engine.rtmp.handshake.HandshakeDigest;
import dev.weir.engine.rtmp.handshake.HandshakeException;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The client side of the RTMP handshake (specification 5.2), I/O-free: {@link #c0c1} is what a client sends
 * first, {@link #c2} answers the server's S0+S1+S2. Weir sends the simple form (zero version bytes in C1, no
 * digest), which every server accepts (nginx-rtmp, SRS, Weir, Wowza, YouTube and Twitch ingest) since only
 * Flash-era <em>players</em> ever needed the digest.
 */
public final class ClientHandshake {
    public static final int VERSION = 3;
    public static final int C0C1_SIZE = 1 + HandshakeDigest.PACKET_SIZE;
    public static final int S0S1S2_SIZE = 1 + 2 * HandshakeDigest.PACKET_SIZE;

    private ClientHandshake() {}

    /**
     * C0 (version 3) and C1: 4-byte time, 4 zero bytes, 1528 random bytes.
     *
     * @param uptimeMillis the client's epoch for C1's time field
     */
    public static byte[] c0c1(int uptimeMillis, RandomGenerator random) {
        byte[] out = new byte[C0C1_SIZE];
        out[0] = VERSION;
        out[1] = (byte) (uptimeMillis >>> 24);
        out[2] = (byte) (uptimeMillis >>> 16);
        out[3] = (byte) (uptimeMillis >>> 8);
        out[4] = (byte) uptimeMillis;
        for (int i = 9; i < out.length; i++) out[i] = (byte) random.nextInt(256);
        return out;
    }

    /**
     * Checks S0 and returns C2: an echo of S1 (its time and random bytes; the second time field is when we read
     * it, which servers do not check, so S1's own is kept as most clients do).
     *
     * @throws HandshakeException when S0 is not version 3 (e.g. 6 for RTMPE, or an HTTP or TLS server answering)
     */
    public static byte[] c2(byte[] s0s1s2) throws HandshakeException {
        if (s0s1s2.length < S0S1S2_SIZE) {
            throw new HandshakeException("server handshake is " + s0s1s2.length + " bytes, expected " + S0S1S2_SIZE);
        }
        int version = s0s1s2[0] & 0xFF;
        if (version != VERSION) {
            throw new HandshakeException("server answered RTMP version " + version + " (expected 3): "
                    + (version == 'H' ? "this looks like an HTTP server" : version == 0x16 ? "this looks like a TLS server; use rtmps://" : "not an RTMP server"));
        }
        return Arrays.copyOfRange(s0s1s2, 1, 1 + HandshakeDigest.PACKET_SIZE);
    }
}

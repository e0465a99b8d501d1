package dev.weir.engine.rtmp.handshake;

import java.util.random.RandomGenerator;

/**
 * Builds the server's S0+S1+S2 from a client's C0+C1 (RTMP specification 5.2). I/O-free: the caller reads
 * C0C1, writes what this returns, then reads and discards C2 (clients disagree on what C2 echoes, so checking
 * it would only turn away working clients).
 *
 * <p>Why the digest handshake rather than zero version bytes: zero version bytes in S1 would be enough for
 * ffmpeg, which checks S1's digest only when S1's version is non-zero. But Flash-era players and some
 * hardware players require a Flash Media Server digest in S1 (and a matching S2 signature) whenever their
 * own C1 carries a digest, and then play nothing from a server that sends the simple form. Answering a
 * digest C1 with a digest S1/S2 (and a simple C1 with the simple echo) satisfies both kinds of client for
 * about a hundred lines, which the golden tests pin down.
 */
public final class ServerHandshake {
    private ServerHandshake() {}

    public static final int RTMP_VERSION = 3;
    public static final int RTMPE_VERSION = 6;
    public static final int C0C1_SIZE = 1 + HandshakeDigest.PACKET_SIZE;
    public static final int S0S1S2_SIZE = 1 + 2 * HandshakeDigest.PACKET_SIZE;
    /** S1 version bytes when answering with a digest: the FMS version nginx-rtmp also announces (13.14.10.13). */
    static final byte[] SERVER_VERSION = {0x0D, 0x0E, 0x0A, 0x0D};

    /** The kind of handshake a client asked for. */
    public enum Kind { SIMPLE, DIGEST }

    /** S0S1S2 and what kind of handshake it answers. */
    public record Response(Kind kind, HandshakeDigest.Schema schema, byte[] s0s1s2) {}

    /**
     * @param c0c1       the 1537 bytes the client sent first
     * @param uptimeMs   the server's epoch for S1's time field
     * @param random     fills S1's and S2's random bytes
     */
    public static Response respond(byte[] c0c1, int uptimeMs, RandomGenerator random) throws HandshakeException {
        if (c0c1.length != C0C1_SIZE) {
            throw new IllegalArgumentException("C0C1 must be " + C0C1_SIZE + " bytes, got " + c0c1.length);
        }
        int version = c0c1[0] & 0xFF;
        if (version == RTMPE_VERSION) {
            throw new HandshakeException("client asked for encrypted RTMPE (version 6), which Weir does not offer; use rtmp:// or rtmps://");
        }
        if (version != RTMP_VERSION) {
            throw new HandshakeException("client sent handshake version " + version + ", expected 3: not an RTMP client?");
        }
        byte[] out = new byte[S0S1S2_SIZE];
        out[0] = RTMP_VERSION;
        int s1 = 1;
        int s2 = 1 + HandshakeDigest.PACKET_SIZE;
        fillRandom(out, s1 + 8, HandshakeDigest.PACKET_SIZE - 8, random);
        out[s1] = (byte) (uptimeMs >>> 24);
        out[s1 + 1] = (byte) (uptimeMs >>> 16);
        out[s1 + 2] = (byte) (uptimeMs >>> 8);
        out[s1 + 3] = (byte) uptimeMs;

        boolean clientVersionSet = (c0c1[5] | c0c1[6] | c0c1[7] | c0c1[8]) != 0;
        var found = clientVersionSet ? HandshakeDigest.findClientDigest(c0c1, 1) : java.util.Optional.<HandshakeDigest.Found>empty();
        if (found.isEmpty()) {
            // simple handshake: S1 version zero, S2 echoes C1 (spec 5.2.4)
            System.arraycopy(c0c1, 1, out, s2, HandshakeDigest.PACKET_SIZE);
            return new Response(Kind.SIMPLE, null, out);
        }
        HandshakeDigest.Schema schema = found.get().schema();
        System.arraycopy(SERVER_VERSION, 0, out, s1 + 4, 4);
        HandshakeDigest.sign(out, s1, schema, HandshakeDigest.FLASH_MEDIA_SERVER_KEY,
                HandshakeDigest.FLASH_MEDIA_SERVER_KEY_SIGNING_LENGTH);

        // S2: random bytes whose last 32 are signed with a key derived from the client's digest
        fillRandom(out, s2, HandshakeDigest.PACKET_SIZE, random);
        byte[] s2Key = HandshakeDigest.hmacSha256(HandshakeDigest.FLASH_MEDIA_SERVER_KEY, found.get().digest(), 0,
                HandshakeDigest.DIGEST_SIZE);
        int signedLength = HandshakeDigest.PACKET_SIZE - HandshakeDigest.DIGEST_SIZE;
        byte[] signature = HandshakeDigest.hmacSha256(s2Key, out, s2, signedLength);
        System.arraycopy(signature, 0, out, s2 + signedLength, HandshakeDigest.DIGEST_SIZE);
        return new Response(Kind.DIGEST, schema, out);
    }

    private static void fillRandom(byte[] b, int from, int length, RandomGenerator random) {
        for (int i = from; i < from + length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
    }
}

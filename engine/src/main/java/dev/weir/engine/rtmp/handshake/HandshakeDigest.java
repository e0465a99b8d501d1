package dev.weir.engine.rtmp.handshake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The "digest" handshake Flash Player 9+ and Flash Media Server use (never in the public RTMP spec; described
 * in the rtmpdump/librtmp sources and many server write-ups). A 1536-byte C1/S1 carries a 32-byte
 * HMAC-SHA256 of its other 1504 bytes at an offset derived from four of its own bytes, keyed with a
 * well-known constant that proves "genuine" Adobe software. Two layouts exist:
 * <ul>
 *   <li>schema 0: the digest block starts at byte 772; digest offset = (sum of bytes 772..775) % 728 + 776;
 *   <li>schema 1: the digest block starts at byte 8; digest offset = (sum of bytes 8..11) % 728 + 12.
 * </ul>
 * The server answers in the client's schema. These keys are public protocol constants, not secrets.
 */
public final class HandshakeDigest {
    private HandshakeDigest() {}

    public static final int PACKET_SIZE = 1536;
    public static final int DIGEST_SIZE = 32;

    private static final byte[] KEY_TAIL = hex(
            "F0EEC24A8068BEE82E00D0D1029E7E576EEC5D2D29806FAB93B8E636CFEB31AE");
    /** "Genuine Adobe Flash Player 001" + tail: a client signs C1 with its first 30 bytes. */
    public static final byte[] FLASH_PLAYER_KEY = concat("Genuine Adobe Flash Player 001");
    /** "Genuine Adobe Flash Media Server 001" + tail: a server signs S1 with its first 36 bytes. */
    public static final byte[] FLASH_MEDIA_SERVER_KEY = concat("Genuine Adobe Flash Media Server 001");
    public static final int FLASH_PLAYER_KEY_SIGNING_LENGTH = 30;
    public static final int FLASH_MEDIA_SERVER_KEY_SIGNING_LENGTH = 36;

    public enum Schema {
        SCHEMA_0(772),
        SCHEMA_1(8);

        private final int blockStart;

        Schema(int blockStart) {
            this.blockStart = blockStart;
        }

        /** Where the 32-byte digest sits in a 1536-byte packet laid out in this schema. */
        public int digestOffset(byte[] packet, int packetStart) {
            int base = packetStart + blockStart;
            int sum = (packet[base] & 0xFF) + (packet[base + 1] & 0xFF) + (packet[base + 2] & 0xFF) + (packet[base + 3] & 0xFF);
            return blockStart + 4 + sum % 728;
        }
    }

    /** A C1 digest that verified: the schema it was found in and the digest bytes. */
    public record Found(Schema schema, byte[] digest) {}

    /**
     * Looks for a valid Flash Player digest in the 1536-byte packet starting at {@code start}, trying schema 1
     * first (what ffmpeg and librtmp send), then schema 0.
     */
    public static Optional<Found> findClientDigest(byte[] packet, int start) {
        for (Schema schema : new Schema[] {Schema.SCHEMA_1, Schema.SCHEMA_0}) {
            int offset = schema.digestOffset(packet, start);
            byte[] expected = digest(packet, start, offset, FLASH_PLAYER_KEY, FLASH_PLAYER_KEY_SIGNING_LENGTH);
            byte[] actual = java.util.Arrays.copyOfRange(packet, start + offset, start + offset + DIGEST_SIZE);
            if (MessageDigest.isEqual(expected, actual)) {
                return Optional.of(new Found(schema, actual));
            }
        }
        return Optional.empty();
    }

    /** Writes the digest into a packet in the given schema, signing with the first {@code keyLength} key bytes. */
    public static void sign(byte[] packet, int start, Schema schema, byte[] key, int keyLength) {
        int offset = schema.digestOffset(packet, start);
        byte[] digest = digest(packet, start, offset, key, keyLength);
        System.arraycopy(digest, 0, packet, start + offset, DIGEST_SIZE);
    }

    /** HMAC-SHA256 of the packet's 1504 bytes around the digest slot at {@code offset}. */
    static byte[] digest(byte[] packet, int start, int offset, byte[] key, int keyLength) {
        Mac mac = hmac(key, 0, keyLength);
        mac.update(packet, start, offset);
        mac.update(packet, start + offset + DIGEST_SIZE, PACKET_SIZE - offset - DIGEST_SIZE);
        return mac.doFinal();
    }

    /** HMAC-SHA256 of {@code data[from, from+length)} keyed with all of {@code key}. */
    public static byte[] hmacSha256(byte[] key, byte[] data, int from, int length) {
        Mac mac = hmac(key, 0, key.length);
        mac.update(data, from, length);
        return mac.doFinal();
    }

    private static Mac hmac(byte[] key, int from, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, from, length, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide HmacSHA256", e);
        }
    }

    private static byte[] concat(String text) {
        byte[] head = text.getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[head.length + KEY_TAIL.length];
        System.arraycopy(head, 0, key, 0, head.length);
        System.arraycopy(KEY_TAIL, 0, key, head.length, KEY_TAIL.length);
        return key;
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}

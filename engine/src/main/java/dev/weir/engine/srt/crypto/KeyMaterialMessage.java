package dev.weir.engine.srt.crypto;

import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The key material message (KMREQ/KMRSP body, in a handshake extension or an in-band UMSG_EXT packet):
 *
 * <pre>
 * |S|  V  |   PT  |              Sign (0x2029)            |  Resv |KK |
 * |                              KEKI                                 |
 * |    Cipher     |     Auth      |      SE       |     Resv1         |
 * |             Resv2             |     SLen/4    |     KLen/4        |
 * |                         Salt (SLen bytes)                         |
 * |          Wrapped keys (8 + KLen, or 8 + 2 * KLen when KK = 3)     |
 * </pre>
 *
 * S=0, V=1, PT=2 (key material), Sign is the 'HAI' vendor id, KK says which keys are wrapped (even first), KEKI 0
 * is the default passphrase-derived KEK, Cipher 2 is AES-CTR, Auth 0 none, SE 2 "MPEG-TS over SRT".
 * libsrt 1.5.1 only speaks AES-CTR; GCM (cipher 4, auth 1) arrived in 1.5.2 and is rejected here.
 */
public record KeyMaterialMessage(KeyFlags keys, int keki, int cipher, int auth, int streamEncapsulation,
                                 byte[] salt, KeyLength keyLength, byte[] wrappedKeys) {

    public static final int VERSION = 1;
    public static final int PACKET_TYPE_KM = 2;
    public static final int SIGN = 0x2029;
    public static final int CIPHER_AES_CTR = 2;
    public static final int AUTH_NONE = 0;
    public static final int SE_MPEG_TS_SRT = 2;
    public static final int SALT_LENGTH = 16;
    private static final int HEADER_LENGTH = 16;

    public KeyMaterialMessage {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(keyLength, "keyLength");
        if (keys == KeyFlags.NONE) {
            throw new IllegalArgumentException("key material carries at least one key");
        }
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt is 16 bytes, got " + salt.length);
        }
        if (wrappedKeys.length != wrappedLength(keys, keyLength)) {
            throw new IllegalArgumentException("wrapped keys are " + wrappedLength(keys, keyLength) + " bytes for "
                    + keys + " " + keyLength + ", got " + wrappedKeys.length);
        }
        salt = salt.clone();
        wrappedKeys = wrappedKeys.clone();
    }

    /** A message for AES-CTR over SRT, the only combination libsrt 1.5.1 uses. */
    public static KeyMaterialMessage aesCtr(KeyFlags keys, byte[] salt, KeyLength length, byte[] wrappedKeys) {
        return new KeyMaterialMessage(keys, 0, CIPHER_AES_CTR, AUTH_NONE, SE_MPEG_TS_SRT, salt, length, wrappedKeys);
    }

    static int wrappedLength(KeyFlags keys, KeyLength length) {
        return 8 + length.bytes() * (keys == KeyFlags.BOTH ? 2 : 1);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] wrappedKeys() {
        return wrappedKeys.clone();
    }

    public int encodedLength() {
        return HEADER_LENGTH + SALT_LENGTH + wrappedKeys.length;
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(encodedLength());
        out.put((byte) (VERSION << 4 | PACKET_TYPE_KM));
        out.putShort((short) SIGN);
        out.put((byte) keys.bits());
        out.putInt(keki);
        out.put((byte) cipher);
        out.put((byte) auth);
        out.put((byte) streamEncapsulation);
        out.put((byte) 0);
        out.putShort((short) 0);
        out.put((byte) (SALT_LENGTH / 4));
        out.put((byte) (keyLength.bytes() / 4));
        out.put(salt);
        out.put(wrappedKeys);
        return out.array();
    }

    /** Strictly decodes a key material message that fills {@code bytes} exactly. */
    public static KeyMaterialMessage decode(byte[] bytes) throws MalformedPacketException {
        MalformedPacketException.require(bytes.length >= HEADER_LENGTH,
                "key material of " + bytes.length + " bytes is shorter than its 16-byte header");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int first = in.get() & 0xFF;
        MalformedPacketException.require((first & 0x80) == 0 && (first >>> 4) == VERSION,
                "key material version must be 1, got " + ((first >>> 4) & 7));
        MalformedPacketException.require((first & 0x0F) == PACKET_TYPE_KM,
                "key material packet type must be 2, got " + (first & 0x0F));
        int sign = in.getShort() & 0xFFFF;
        MalformedPacketException.require(sign == SIGN, "key material sign must be 0x2029, got 0x"
                + Integer.toHexString(sign));
        KeyFlags keys = KeyFlags.ofBits(in.get());
        MalformedPacketException.require(keys != KeyFlags.NONE, "key material announces no key (KK=0)");
        int keki = in.getInt();
        int cipher = in.get() & 0xFF;
        int auth = in.get() & 0xFF;
        int se = in.get() & 0xFF;
        in.get();
        in.getShort();
        int saltLength = (in.get() & 0xFF) * 4;
        int keyBytes = (in.get() & 0xFF) * 4;
        MalformedPacketException.require(cipher == CIPHER_AES_CTR && auth == AUTH_NONE,
                "only AES-CTR without authentication is supported, got cipher " + cipher + " auth " + auth);
        MalformedPacketException.require(saltLength == SALT_LENGTH, "salt must be 16 bytes, got " + saltLength);
        MalformedPacketException.require(keyBytes == 16 || keyBytes == 24 || keyBytes == 32,
                "key length must be 16, 24 or 32 bytes, got " + keyBytes);
        KeyLength length = KeyLength.ofBytes(keyBytes);
        int wrapped = wrappedLength(keys, length);
        MalformedPacketException.require(bytes.length == HEADER_LENGTH + saltLength + wrapped,
                "key material of " + bytes.length + " bytes, expected " + (HEADER_LENGTH + saltLength + wrapped)
                        + " for " + keys + " " + length);
        byte[] salt = new byte[saltLength];
        in.get(salt);
        byte[] wrappedKeys = new byte[wrapped];
        in.get(wrappedKeys);
        return new KeyMaterialMessage(keys, keki, cipher, auth, se, salt, length, wrappedKeys);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyMaterialMessage k && keys == k.keys && keki == k.keki && cipher == k.cipher
                && auth == k.auth && streamEncapsulation == k.streamEncapsulation && keyLength == k.keyLength
                && Arrays.equals(salt, k.salt) && Arrays.equals(wrappedKeys, k.wrappedKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, keki, keyLength) * 31 + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "KeyMaterialMessage[" + keys + ", " + keyLength + ", keki=" + keki + "]";
    }
}

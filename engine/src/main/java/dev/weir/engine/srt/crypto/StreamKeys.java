package dev.weir.engine.srt.crypto;

import dev.weir.engine.srt.packet.KeyFlags;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The stream encryption keys of one connection direction: one salt, the KEK derived from the passphrase and that
 * salt, and up to two SEKs (even and odd), each with its reusable {@link PayloadCipher}.
 *
 * <p>The sending side {@link #generate generates} the salt and even key and announces them in a KMREQ; the
 * receiving side builds its copy {@link #fromKeyMaterial from that message}. On refresh the sender generates the
 * other key under the same salt and KEK (as libsrt does) and announces both.
 */
public final class StreamKeys {

    private final KeyLength keyLength;
    private final byte[] salt;
    private final byte[] kek;
    private byte[] evenKey;
    private byte[] oddKey;
    private PayloadCipher even;
    private PayloadCipher odd;

    private StreamKeys(KeyLength keyLength, byte[] salt, byte[] kek) {
        this.keyLength = keyLength;
        this.salt = salt;
        this.kek = kek;
    }

    /** A fresh salt and even key for a sender. */
    public static StreamKeys generate(Passphrase passphrase, KeyLength length, SecureRandom random) {
        byte[] salt = new byte[KeyMaterialMessage.SALT_LENGTH];
        random.nextBytes(salt);
        StreamKeys keys = new StreamKeys(length, salt, KeyDerivation.keyEncryptingKey(passphrase, salt, length));
        keys.regenerate(KeyFlags.EVEN, random);
        return keys;
    }

    /**
     * The keys a peer announced.
     *
     * @throws KeyUnwrapException when the passphrase does not match the peer's
     */
    public static StreamKeys fromKeyMaterial(Passphrase passphrase, KeyMaterialMessage km) throws KeyUnwrapException {
        byte[] salt = km.salt();
        StreamKeys keys = new StreamKeys(km.keyLength(), salt,
                KeyDerivation.keyEncryptingKey(passphrase, salt, km.keyLength()));
        keys.apply(km);
        return keys;
    }

    /**
     * Applies a later KM message from the peer (in-band refresh). A message with a different salt or key length is
     * a new session: callers should build new keys with {@link #fromKeyMaterial} instead.
     *
     * @throws KeyUnwrapException when the keys do not unwrap with this KEK
     */
    public void apply(KeyMaterialMessage km) throws KeyUnwrapException {
        if (km.keyLength() != keyLength || !Arrays.equals(km.salt(), salt)) {
            throw new IllegalArgumentException("key material for a different salt or key length");
        }
        byte[] plain = KeyWrap.unwrap(kek, km.wrappedKeys());
        int n = keyLength.bytes();
        switch (km.keys()) {
            case EVEN -> setKey(KeyFlags.EVEN, Arrays.copyOfRange(plain, 0, n));
            case ODD -> setKey(KeyFlags.ODD, Arrays.copyOfRange(plain, 0, n));
            case BOTH -> {
                setKey(KeyFlags.EVEN, Arrays.copyOfRange(plain, 0, n));
                setKey(KeyFlags.ODD, Arrays.copyOfRange(plain, n, 2 * n));
            }
            default -> throw new IllegalArgumentException("no key in key material");
        }
        Arrays.fill(plain, (byte) 0);
    }

    /** Generates a new random key for one parity (a sender's refresh). */
    public void regenerate(KeyFlags which, SecureRandom random) {
        byte[] key = new byte[keyLength.bytes()];
        random.nextBytes(key);
        setKey(which, key);
    }

    /** Drops a key (after decommissioning). */
    public void forget(KeyFlags which) {
        if (which == KeyFlags.EVEN) {
            evenKey = null;
            even = null;
        } else if (which == KeyFlags.ODD) {
            oddKey = null;
            odd = null;
        }
    }

    private void setKey(KeyFlags which, byte[] key) {
        if (which == KeyFlags.EVEN) {
            evenKey = key;
            even = new PayloadCipher(key, salt);
        } else if (which == KeyFlags.ODD) {
            oddKey = key;
            odd = new PayloadCipher(key, salt);
        } else {
            throw new IllegalArgumentException("set one key at a time, not " + which);
        }
    }

    public boolean has(KeyFlags which) {
        return which == KeyFlags.EVEN ? evenKey != null : which == KeyFlags.ODD && oddKey != null;
    }

    /** Whether these keys were made with this salt (a KM message with another salt starts new keys). */
    public boolean hasSalt(byte[] other) {
        return Arrays.equals(salt, other);
    }

    public KeyLength keyLength() {
        return keyLength;
    }

    /** The KM message announcing {@code which} keys (EVEN, ODD or BOTH), wrapped with this KEK. */
    public KeyMaterialMessage keyMaterial(KeyFlags which) {
        byte[] plain = switch (which) {
            case EVEN -> require(evenKey, which).clone();
            case ODD -> require(oddKey, which).clone();
            case BOTH -> {
                byte[] both = new byte[2 * keyLength.bytes()];
                System.arraycopy(require(evenKey, KeyFlags.EVEN), 0, both, 0, keyLength.bytes());
                System.arraycopy(require(oddKey, KeyFlags.ODD), 0, both, keyLength.bytes(), keyLength.bytes());
                yield both;
            }
            default -> throw new IllegalArgumentException("announce at least one key");
        };
        byte[] wrapped = KeyWrap.wrap(kek, plain);
        Arrays.fill(plain, (byte) 0);
        return KeyMaterialMessage.aesCtr(which, salt, keyLength, wrapped);
    }

    private static byte[] require(byte[] key, KeyFlags which) {
        if (key == null) {
            throw new IllegalStateException("no " + which + " key");
        }
        return key;
    }

    /**
     * Encrypts or decrypts a payload in place with the key a data packet's KK flags name.
     *
     * @return false when that key is not known (the packet cannot be decrypted)
     */
    public boolean transform(KeyFlags which, int sequenceNumber, byte[] buffer, int offset, int length) {
        PayloadCipher cipher = which == KeyFlags.EVEN ? even : which == KeyFlags.ODD ? odd : null;
        if (cipher == null) {
            return false;
        }
        cipher.transform(sequenceNumber, buffer, offset, length);
        return true;
    }

    @Override
    public String toString() {
        return "StreamKeys[" + keyLength + (evenKey != null ? ", even" : "") + (oddKey != null ? ", odd" : "") + "]";
    }
}

package dev.weir.engine.srt.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CTR over a data packet's payload, with the counter block libsrt builds (haicrypt's {@code hcrypt_SetCtrIV}):
 *
 * <pre>
 * IV bytes  0..9   = salt[0..9]
 * IV bytes 10..13  = salt[10..13] XOR packet index (the 32-bit sequence number word, big-endian)
 * IV bytes 14..15  = block counter, starting at 0
 * </pre>
 *
 * Encryption and decryption are the same operation. One instance holds one key and one reused {@link Cipher}; it
 * transforms payloads in place. Not thread-safe: one per connection direction.
 */
public final class PayloadCipher {

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] iv = new byte[16];

    public PayloadCipher(byte[] streamKey, byte[] salt) {
        if (salt.length != KeyMaterialMessage.SALT_LENGTH) {
            throw new IllegalArgumentException("salt is 16 bytes, got " + salt.length);
        }
        KeyLength.ofBytes(streamKey.length);
        this.key = new SecretKeySpec(streamKey, "AES");
        this.salt = salt.clone();
        try {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CTR/NoPadding", e);
        }
    }

    /** Encrypts or decrypts {@code length} bytes of {@code buffer} at {@code offset} in place. */
    public void transform(int sequenceNumber, byte[] buffer, int offset, int length) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[10] ^= (byte) (sequenceNumber >>> 24);
        iv[11] ^= (byte) (sequenceNumber >>> 16);
        iv[12] ^= (byte) (sequenceNumber >>> 8);
        iv[13] ^= (byte) sequenceNumber;
        iv[14] = 0;
        iv[15] = 0;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            int done = cipher.doFinal(buffer, offset, length, buffer, offset);
            if (done != length) {
                throw new IllegalStateException("AES-CTR produced " + done + " of " + length + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }
}

package dev.weir.engine.srt.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
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
 * Encryption and decryption are the same operation. One instance holds one key; it transforms payloads in place.
 * Not thread-safe: one per connection direction.
 *
 * <p>Why not the JDK's {@code AES/CTR/NoPadding}: every packet has its own IV, so that cipher would be re-initialised
 * per packet, and {@code Cipher.init} plus an in-place {@code doFinal} allocate about 1.4 KB per packet (key and IV
 * copies, and a copy of the whole input because input and output overlap). Instead the counter blocks of one packet
 * are written into a reused array, encrypted in one call of an {@code AES/ECB/NoPadding} cipher initialised once
 * (which is what CTR is: the key stream is the encryption of the counter blocks), and XORed into the payload. No
 * allocation per packet; measured in the benchmarks module ({@code SrtCryptoBenchmark}, docs/performance.md).
 */
public final class PayloadCipher {

    private static final int BLOCK = 16;

    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Cipher blockCipher;
    private final byte[] salt;
    /** Bytes 10..13 of the salt: the part of every counter block that the sequence number changes. */
    private final int saltWord;
    /**
     * The counter blocks, kept between packets: bytes 0..9 (salt) and 14..15 (block index) never change, so a packet
     * only rewrites bytes 10..13 of each block.
     */
    private byte[] counterBlocks = new byte[0];
    private byte[] keyStream = new byte[0];

    public PayloadCipher(byte[] streamKey, byte[] salt) {
        if (salt.length != KeyMaterialMessage.SALT_LENGTH) {
            throw new IllegalArgumentException("salt is 16 bytes, got " + salt.length);
        }
        KeyLength.ofBytes(streamKey.length);
        this.salt = salt.clone();
        this.saltWord = (int) BIG_ENDIAN_INT.get(this.salt, 10);
        ensureBlocks(92); // 1472 bytes: a whole payload of the largest MSS
        try {
            this.blockCipher = Cipher.getInstance("AES/ECB/NoPadding");
            blockCipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(streamKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/ECB/NoPadding", e);
        }
    }

    private void ensureBlocks(int blocks) {
        if (counterBlocks.length >= blocks * BLOCK) {
            return;
        }
        counterBlocks = new byte[blocks * BLOCK];
        keyStream = new byte[blocks * BLOCK];
        for (int b = 0; b < blocks; b++) {
            int base = b * BLOCK;
            System.arraycopy(salt, 0, counterBlocks, base, 14);
            // The block counter: CTR increments the whole 128-bit block, which for fewer than 65536 blocks (any
            // datagram) only ever changes these two bytes.
            counterBlocks[base + 14] = (byte) (b >>> 8);
            counterBlocks[base + 15] = (byte) b;
        }
    }

    /** Encrypts or decrypts {@code length} bytes of {@code buffer} at {@code offset} in place. */
    public void transform(int sequenceNumber, byte[] buffer, int offset, int length) {
        int blocks = (length + BLOCK - 1) / BLOCK;
        int streamLength = blocks * BLOCK;
        ensureBlocks(blocks);
        byte[] ctr = counterBlocks;
        int word = saltWord ^ sequenceNumber;
        for (int base = 0; base < streamLength; base += BLOCK) {
            BIG_ENDIAN_INT.set(ctr, base + 10, word);
        }
        try {
            int done = blockCipher.doFinal(ctr, 0, streamLength, keyStream, 0);
            if (done != streamLength) {
                throw new IllegalStateException("AES produced " + done + " of " + streamLength + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
        byte[] stream = keyStream;
        for (int i = 0; i < length; i++) {
            buffer[offset + i] ^= stream[i];
        }
    }
}

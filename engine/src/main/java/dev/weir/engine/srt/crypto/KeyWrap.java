package dev.weir.engine.srt.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 3394 AES key wrap with the default IV {@code A6A6A6A6A6A6A6A6}, via the JDK's {@code AES/KW/NoPadding}.
 * SRT wraps the stream encryption key(s) (even then odd, concatenated) with the KEK; a wrong passphrase shows up
 * as a failed integrity check on unwrap.
 */
public final class KeyWrap {

    private KeyWrap() {
    }

    public static byte[] wrap(byte[] kek, byte[] keys) {
        try {
            Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"));
            return cipher.doFinal(keys);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot wrap " + keys.length + " key bytes with a "
                    + kek.length + "-byte KEK", e);
        }
    }

    /**
     * @throws KeyUnwrapException when the integrity check fails (in SRT: the peers' passphrases differ)
     */
    public static byte[] unwrap(byte[] kek, byte[] wrapped) throws KeyUnwrapException {
        try {
            Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"));
            return cipher.doFinal(wrapped);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("KEK of " + kek.length + " bytes is not an AES key", e);
        } catch (GeneralSecurityException e) {
            throw new KeyUnwrapException("key unwrap integrity check failed (wrong passphrase?)");
        }
    }
}

package dev.weir.engine.srt.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Derives the key encrypting key (KEK) from the passphrase, as libsrt's haicrypt does: PBKDF2 with HMAC-SHA1,
 * 2048 iterations, the <em>last 8 bytes</em> of the key material's 16-byte salt as PBKDF2 salt, and an output as
 * long as the stream encryption key.
 */
public final class KeyDerivation {

    public static final int ITERATIONS = 2048;
    /** libsrt's HAICRYPT_PBKDF2_SALT_LEN: PBKDF2 uses only the salt's last (least significant) 8 bytes. */
    public static final int PBKDF2_SALT_LENGTH = 8;

    private KeyDerivation() {
    }

    public static byte[] keyEncryptingKey(Passphrase passphrase, byte[] salt, KeyLength length) {
        if (salt.length < PBKDF2_SALT_LENGTH) {
            throw new IllegalArgumentException("salt of " + salt.length + " bytes is shorter than 8");
        }
        byte[] pbkdf2Salt = Arrays.copyOfRange(salt, salt.length - PBKDF2_SALT_LENGTH, salt.length);
        char[] chars = passphrase.chars();
        PBEKeySpec spec = new PBEKeySpec(chars, pbkdf2Salt, ITERATIONS, length.bytes() * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA1", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}

package dev.weir.engine.srt.crypto;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MalformedPacketException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StreamKeysTest {

    private static final Passphrase PASSPHRASE = Passphrase.of("correct horse battery");

    @ParameterizedTest
    @EnumSource(KeyLength.class)
    void senderAndReceiverAgreeForEveryKeyLengthIncludingRefresh(KeyLength length) throws Exception {
        SecureRandom random = new SecureRandom(new byte[] {1});
        StreamKeys sender = StreamKeys.generate(PASSPHRASE, length, random);
        KeyMaterialMessage km = KeyMaterialMessage.decode(sender.keyMaterial(KeyFlags.EVEN).encode());
        StreamKeys receiver = StreamKeys.fromKeyMaterial(PASSPHRASE, km);
        assertRoundTrip(sender, receiver, KeyFlags.EVEN, 77);

        sender.regenerate(KeyFlags.ODD, random);
        KeyMaterialMessage both = sender.keyMaterial(KeyFlags.BOTH);
        assertEquals(8 + 2 * length.bytes(), both.wrappedKeys().length);
        receiver.apply(KeyMaterialMessage.decode(both.encode()));
        assertRoundTrip(sender, receiver, KeyFlags.ODD, 0x7fffffff);
        assertRoundTrip(sender, receiver, KeyFlags.EVEN, 0);

        sender.forget(KeyFlags.EVEN);
        assertFalse(sender.transform(KeyFlags.EVEN, 1, new byte[4], 0, 4));
    }

    private static void assertRoundTrip(StreamKeys sender, StreamKeys receiver, KeyFlags key, int seq) {
        byte[] plain = new byte[1316];
        Arrays.fill(plain, (byte) 0x47);
        byte[] buffer = plain.clone();
        assertTrue(sender.transform(key, seq, buffer, 0, buffer.length));
        assertFalse(Arrays.equals(plain, buffer), "ciphertext differs");
        assertTrue(receiver.transform(key, seq, buffer, 0, buffer.length));
        assertArrayEquals(plain, buffer);
    }

    @Test
    void counterDependsOnSequenceNumber() {
        PayloadCipher cipher = new PayloadCipher(new byte[16], new byte[16]);
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        cipher.transform(1, a, 0, 32);
        cipher.transform(2, b, 0, 32);
        assertNotEquals(Arrays.toString(a), Arrays.toString(b));
        // With an all-zero key and salt, packet 0's keystream is AES_0(0^16) | AES_0(0^15 01).
        byte[] zero = new byte[32];
        cipher.transform(0, zero, 0, 32);
        assertArrayEquals(hex("66e94bd4ef8a2c3b884cfa59ca342b2e 58e2fccefa7e3061367f1d57a4e7455a"), zero);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "123456789", "" })
    void passphraseTooShortIsRejectedWithoutEchoingIt(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Passphrase.of(value));
        assertTrue(e.getMessage().contains("10 to 80"));
        assertFalse(!value.isEmpty() && e.getMessage().contains(value));
        assertThrows(IllegalArgumentException.class, () -> Passphrase.of("x".repeat(81)));
        assertTrue(Passphrase.of("x".repeat(80)).toString().contains("redacted"));
    }

    @Test
    void pbkdf2UsesTheLastEightSaltBytesAnd2048Iterations() {
        // Only the last 8 bytes of the salt matter (libsrt's HAICRYPT_PBKDF2_SALT_LEN).
        byte[] salt1 = hex("00000000000000000102030405060708");
        byte[] salt2 = hex("ffffffffffffffff0102030405060708");
        assertArrayEquals(KeyDerivation.keyEncryptingKey(PASSPHRASE, salt1, KeyLength.AES_256),
                KeyDerivation.keyEncryptingKey(PASSPHRASE, salt2, KeyLength.AES_256));
        // PBKDF2-HMAC-SHA1("password12", "saltSALT", 2048, 16), computed independently with Python's hashlib:
        byte[] expected = hex(PBKDF2_PASSWORD_SALTSALT_2048);
        assertArrayEquals(expected, KeyDerivation.keyEncryptingKey(Passphrase.of("password12"),
                hex("0000000000000000 73616c7453414c54"), KeyLength.AES_128));
    }

    static final String PBKDF2_PASSWORD_SALTSALT_2048 = "6b474b66ef134031f534abf4b865c7a3";

    @Test
    void malformedKeyMaterialIsRejected() {
        byte[] good = StreamKeys.generate(PASSPHRASE, KeyLength.AES_128, new SecureRandom()).keyMaterial(KeyFlags.EVEN)
                .encode();
        assertEquals(56, good.length);
        byte[][] bad = {
                Arrays.copyOf(good, 55),                 // truncated
                Arrays.copyOf(good, 60),                 // trailing bytes
                with(good, 1, 0x21),                     // wrong sign
                with(good, 0, 0x22),                     // version 2
                with(good, 3, 0x00),                     // KK = 0
                with(good, 8, 0x04),                     // AES-GCM (libsrt 1.5.2+) not supported
                with(good, 15, 0x05),                    // key length 20 bytes
                with(good, 14, 0x02),                    // salt 8 bytes
                with(good, 3, 0x03),                     // KK = both but one wrapped key
        };
        for (byte[] b : bad) {
            assertThrows(MalformedPacketException.class, () -> KeyMaterialMessage.decode(b));
        }
    }

    private static byte[] with(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }
}

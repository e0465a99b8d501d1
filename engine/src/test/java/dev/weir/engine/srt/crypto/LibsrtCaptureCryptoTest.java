package dev.weir.engine.srt.crypto;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.GoldenCapture;
import dev.weir.engine.srt.packet.HandshakeExtensionBlock;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.PacketCodec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * libsrt's crypto as seen on the wire: the KMREQ srt-live-transmit 1.5.1 sent with passphrase
 * "0123456789abcdef" (golden/srt/crypt.txt), unwrapped with our PBKDF2 + RFC 3394, then used to decrypt the
 * captured data packets whose plaintext is known (the capture feed: 0x47, 187 bytes of i, zeros).
 */
class LibsrtCaptureCryptoTest {

    private static final Passphrase PASSPHRASE = Passphrase.of("0123456789abcdef");

    private static KeyMaterialMessage capturedKmreq() throws Exception {
        byte[] conclusion = GoldenCapture.load("crypt.txt").nth("C>L", 0x8000, 1);
        HandshakePacket hs = (HandshakePacket) PacketCodec.decode(conclusion, 0, conclusion.length);
        return KeyMaterialMessage.decode(hs.extension(HandshakeExtensionBlock.KMREQ).content());
    }

    @Test
    void kmreqFieldsAsAnnotated() throws Exception {
        byte[] annotated = hex("""
                12        # S=0, V=1, PT=2 (key material)
                2029      # sign 'HAI'
                01        # KK=01: even key only
                00000000  # KEKI 0 (passphrase)
                02 00 02 00   # cipher AES-CTR, auth none, SE MPEG-TS/SRT, resv
                0000 04 04    # resv, salt 4 words, key 4 words (AES-128)
                19330019bbaf3c099613b05edfa564b7          # salt
                2b5e9251e7ae6a1410868 25d473fef893b873b6ec64adaeb  # wrapped SEK (16 + 8 bytes)
                """.replace("8 25", "825"));
        KeyMaterialMessage km = capturedKmreq();
        assertArrayEquals(annotated, km.encode());
        assertEquals(KeyFlags.EVEN, km.keys());
        assertEquals(KeyLength.AES_128, km.keyLength());
        assertEquals(km, KeyMaterialMessage.decode(annotated));
    }

    @Test
    void decryptsCapturedDataWithTheUnwrappedKey() throws Exception {
        StreamKeys keys = StreamKeys.fromKeyMaterial(PASSPHRASE, capturedKmreq());
        GoldenCapture capture = GoldenCapture.load("crypt.txt");
        for (int i = 0; i < 5; i++) {
            byte[] datagram = capture.nthData("C>L", i);
            DataPacket p = (DataPacket) PacketCodec.decode(datagram, 0, datagram.length);
            assertEquals(KeyFlags.EVEN, p.key());
            byte[] payload = p.payload();
            assertTrue(keys.transform(p.key(), p.sequenceNumber(), payload, 0, payload.length));
            byte[] expected = new byte[1316];
            expected[0] = 0x47;
            Arrays.fill(expected, 1, 188, (byte) i);
            assertArrayEquals(expected, payload, "plaintext of captured packet " + i);
        }
    }

    @Test
    void wrongPassphraseFailsToUnwrap() throws Exception {
        KeyMaterialMessage km = capturedKmreq();
        assertThrows(KeyUnwrapException.class,
                () -> StreamKeys.fromKeyMaterial(Passphrase.of("0123456789abcdeX"), km));
    }
}

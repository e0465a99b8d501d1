package dev.weir.engine.srt.handshake;

import static dev.weir.engine.srt.packet.GoldenCapture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.crypto.KeyLength;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.UserDefinedPacket;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyMaterialExchangeTest {

    private static final Passphrase PASSPHRASE = Passphrase.of("refresh-me-please");
    private static final SecureRandom RANDOM = new SecureRandom(new byte[] {3});

    private static UserDefinedPacket kmreq(StreamKeys sender, KeyFlags which) {
        return new UserDefinedPacket(UserDefinedPacket.SUBTYPE_KMREQ, 0, sender.keyMaterial(which).encode(), 5, 9);
    }

    @Test
    void refreshAnnouncesTheNextKeyIntoTheExistingKeysAndEchoes() throws Exception {
        StreamKeys sender = StreamKeys.generate(PASSPHRASE, KeyLength.AES_128, RANDOM);
        KeyMaterialExchange.Answer first = KeyMaterialExchange.answerKmReq(kmreq(sender, KeyFlags.EVEN), null,
                PASSPHRASE, 0x77, 100);
        assertEquals(KmState.SECURED, first.state());
        assertEquals(UserDefinedPacket.SUBTYPE_KMRSP, first.kmrsp().subtype());
        assertEquals(0x77, first.kmrsp().destinationSocketId());
        assertArrayEquals(kmreq(sender, KeyFlags.EVEN).body(), first.kmrsp().body());

        sender.regenerate(KeyFlags.ODD, RANDOM);
        KeyMaterialExchange.Answer refresh = KeyMaterialExchange.answerKmReq(kmreq(sender, KeyFlags.BOTH),
                first.keys(), PASSPHRASE, 0x77, 200);
        assertSame(first.keys(), refresh.keys());
        assertTrue(refresh.keys().has(KeyFlags.ODD));
        byte[] payload = "refreshed payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buffer = payload.clone();
        sender.transform(KeyFlags.ODD, 1234, buffer, 0, buffer.length);
        refresh.keys().transform(KeyFlags.ODD, 1234, buffer, 0, buffer.length);
        assertArrayEquals(payload, buffer);
    }

    @Test
    void failuresAnswerWithTheLittleEndianStateWord() throws Exception {
        StreamKeys sender = StreamKeys.generate(PASSPHRASE, KeyLength.AES_256, RANDOM);
        KeyMaterialExchange.Answer wrong = KeyMaterialExchange.answerKmReq(kmreq(sender, KeyFlags.EVEN), null,
                Passphrase.of("another-passphrase"), 1, 0);
        assertEquals(KmState.BADSECRET, wrong.state());
        assertArrayEquals(hex("04000000"), wrong.kmrsp().body());
        assertNull(wrong.keys());
        KeyMaterialExchange.Answer none = KeyMaterialExchange.answerKmReq(kmreq(sender, KeyFlags.EVEN), null, null,
                1, 0);
        assertArrayEquals(hex("03000000"), none.kmrsp().body());
    }
}

package dev.weir.engine.srt.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.srt.handshake.EncryptionNegotiation;
import dev.weir.engine.srt.packet.MalformedPacketException;

/**
 * Fuzz target for key material parsing (KMREQ/KMRSP bodies from the network): refusal only with
 * {@link MalformedPacketException}; what decodes round-trips; the listener's encryption negotiation never throws.
 */
class KeyMaterialFuzzTest {

    private static final Passphrase PASSPHRASE = Passphrase.of("0123456789abcdef");

    @FuzzTest
    void keyMaterial(byte[] body) {
        try {
            KeyMaterialMessage km = KeyMaterialMessage.decode(body);
            assertEquals(km, KeyMaterialMessage.decode(km.encode()));
        } catch (MalformedPacketException refused) {
            // fine
        }
        assertNotNull(EncryptionNegotiation.respond(PASSPHRASE, true, body));
        assertNotNull(EncryptionNegotiation.respond(PASSPHRASE, false, body));
        assertNotNull(EncryptionNegotiation.conclude(true, new byte[56], body));
    }
}

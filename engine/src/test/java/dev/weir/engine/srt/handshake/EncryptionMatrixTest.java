package dev.weir.engine.srt.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.packet.KeyFlags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * libsrt's enforced-encryption table (test/test_enforced_encryption.cpp, blocking matrix, HSv5) replayed through our
 * caller and listener. "pw a"/"pw b" are two different passphrases, "-" none. Outcome: CONNECTED, or which side
 * rejects and with which reason; KM states as libsrt reports them where the connection is made.
 */
class EncryptionMatrixTest {

    private static final Passphrase A = Passphrase.of("s!t@r#i$c^t");
    private static final Passphrase B = Passphrase.of("s!t@r#i$c^tu");

    @ParameterizedTest(name = "{0}: caller enforced={1} pw={2}, listener enforced={3} pw={4} -> {5}")
    @CsvSource({
            // case, caller enforced, caller pw, listener enforced, listener pw, outcome, reason, caller KM, listener KM
            "A.1, true,  a, true,  a, CONNECTED,         -,         SECURED,   SECURED",
            "A.2, true,  a, true,  b, LISTENER_REJECTS,  BADSECRET, -,         -",
            "A.3, true,  a, true,  -, LISTENER_REJECTS,  UNSECURE,  -,         -",
            "A.4, true,  -, true,  b, LISTENER_REJECTS,  UNSECURE,  -,         -",
            "A.5, true,  -, true,  -, CONNECTED,         -,         UNSECURED, UNSECURED",
            "B.1, true,  a, false, a, CONNECTED,         -,         SECURED,   SECURED",
            "B.2, true,  a, false, b, CALLER_REJECTS,    BADSECRET, -,         BADSECRET",
            "B.3, true,  a, false, -, CALLER_REJECTS,    UNSECURE,  -,         UNSECURED",
            "B.4, true,  -, false, b, CALLER_REJECTS,    UNSECURE,  -,         NOSECRET",
            "B.5, true,  -, false, -, CONNECTED,         -,         UNSECURED, UNSECURED",
            "C.1, false, a, true,  a, CONNECTED,         -,         SECURED,   SECURED",
            "C.2, false, a, true,  b, LISTENER_REJECTS,  BADSECRET, -,         -",
            "C.3, false, a, true,  -, LISTENER_REJECTS,  UNSECURE,  -,         -",
            "C.4, false, -, true,  b, LISTENER_REJECTS,  UNSECURE,  -,         -",
            "C.5, false, -, true,  -, CONNECTED,         -,         UNSECURED, UNSECURED",
            "D.1, false, a, false, a, CONNECTED,         -,         SECURED,   SECURED",
            "D.2, false, a, false, b, CONNECTED,         -,         BADSECRET, BADSECRET",
            "D.3, false, a, false, -, CONNECTED,         -,         UNSECURED, UNSECURED",
            "D.4, false, -, false, b, CONNECTED,         -,         NOSECRET,  NOSECRET",
            "D.5, false, -, false, -, CONNECTED,         -,         UNSECURED, UNSECURED",
    })
    void matchesLibsrtsTable(String testCase, boolean callerEnforced, String callerPw, boolean listenerEnforced,
                             String listenerPw, String outcome, String reason, String callerKm, String listenerKm) {
        HandshakeConfig callerConfig = HandshakeConfig.defaults().withPassphrase(pw(callerPw), callerEnforced);
        HandshakeConfig listenerConfig = HandshakeConfig.defaults().withPassphrase(pw(listenerPw), listenerEnforced);
        HandshakeHarness h = new HandshakeHarness(callerConfig, listenerConfig).run();
        switch (outcome) {
            case "CONNECTED" -> {
                assertNotNull(h.callerConnection, () -> testCase + " caller failed: " + h.callerFailure);
                assertEquals(KmState.valueOf(callerKm), h.callerConnection.kmState());
                assertEquals(KmState.valueOf(listenerKm), h.listenerConnections.get(0).kmState());
                if (callerKm.equals("SECURED")) {
                    assertSameKeys(h);
                }
            }
            case "LISTENER_REJECTS" -> {
                assertNull(h.callerConnection);
                assertEquals(0, h.listenerConnections.size());
                assertEquals(1000 + RejectReason.valueOf(reason).code(), h.wire.get(3).handshakeType());
                assertEquals(RejectCode.of(RejectReason.valueOf(reason)), h.callerFailure.code());
            }
            case "CALLER_REJECTS" -> {
                assertNull(h.callerConnection);
                assertEquals(HandshakeType.CONCLUSION, h.wire.get(3).handshakeType());
                assertEquals(RejectCode.of(RejectReason.valueOf(reason)), h.callerFailure.code());
                assertEquals(KmState.valueOf(listenerKm), h.listenerConnections.get(0).kmState());
            }
            default -> throw new IllegalArgumentException(outcome);
        }
    }

    private static Passphrase pw(String name) {
        return switch (name) {
            case "a" -> A;
            case "b" -> B;
            default -> null;
        };
    }

    /** Both sides hold the same stream key: what the caller encrypts, the listener decrypts. */
    private static void assertSameKeys(HandshakeHarness h) {
        byte[] plain = "0123456789abcdef0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buffer = plain.clone();
        h.callerConnection.keys().transform(KeyFlags.EVEN, 42, buffer, 0, buffer.length);
        h.listenerConnections.get(0).keys().transform(KeyFlags.EVEN, 42, buffer, 0, buffer.length);
        assertArrayEquals(plain, buffer);
    }
}

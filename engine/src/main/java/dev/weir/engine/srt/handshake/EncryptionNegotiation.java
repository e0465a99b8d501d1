package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.KeyMaterialMessage;
import dev.weir.engine.srt.crypto.KeyUnwrapException;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.MalformedPacketException;
import java.util.Arrays;

/**
 * Who accepts which passphrase combination, following libsrt's table in test/test_enforced_encryption.cpp
 * (HSv5, caller = initiator, listener = responder):
 *
 * <pre>
 *  passwords            | listener enforced           | listener not enforced
 *  same                 | secured                     | secured
 *  different            | listener rejects BADSECRET  | accepted; KMRSP says BADSECRET; enforced caller rejects
 *  caller only          | listener rejects UNSECURE   | accepted (unsecured); KMRSP says NOSECRET; enforced
 *                       |                             | caller refuses
 *  listener only        | listener rejects UNSECURE   | accepted; a KMRSP {UNSECURED} is sent anyway, which
 *                       |                             | an enforced caller refuses
 *  none                 | unsecured                   | unsecured
 * </pre>
 *
 * In HSv5 the caller's KMREQ sets the keys of both directions (the listener sends with the caller's keys too).
 */
public final class EncryptionNegotiation {

    private EncryptionNegotiation() {
    }

    /**
     * The listener's verdict.
     *
     * @param reject     non-null when the listener must reject the connection
     * @param state      the listener's key material state
     * @param keys       the keys for both directions when secured, else null
     * @param kmrsp      content of the KMRSP extension to send, or null for none
     */
    public record ResponderOutcome(RejectReason reject, KmState state, StreamKeys keys, byte[] kmrsp) {
    }

    /** The caller's verdict on the listener's conclusion response. */
    public record InitiatorOutcome(RejectReason reject, KmState state) {
    }

    public static ResponderOutcome respond(Passphrase own, boolean enforced, byte[] kmreq) {
        if (kmreq == null) {
            if (own == null) {
                return new ResponderOutcome(null, KmState.UNSECURED, null, null);
            }
            // libsrt (fillHsExtKMRSP) answers a missing KMREQ with the one-word KMRSP {UNSECURED}: its mere
            // presence tells the caller that the listener has a passphrase.
            return enforced ? new ResponderOutcome(RejectReason.UNSECURE, KmState.UNSECURED, null, null)
                    : new ResponderOutcome(null, KmState.NOSECRET, null, KmState.UNSECURED.toKmrspWord());
        }
        if (own == null) {
            // libsrt reports its own state as UNSECURED here, and tells the caller it has no secret.
            return enforced ? new ResponderOutcome(RejectReason.UNSECURE, KmState.UNSECURED, null, null)
                    : new ResponderOutcome(null, KmState.UNSECURED, null, KmState.NOSECRET.toKmrspWord());
        }
        KeyMaterialMessage km;
        try {
            km = KeyMaterialMessage.decode(kmreq);
        } catch (MalformedPacketException e) {
            return new ResponderOutcome(RejectReason.ROGUE, KmState.UNSECURED, null, null);
        }
        try {
            StreamKeys keys = StreamKeys.fromKeyMaterial(own, km);
            return new ResponderOutcome(null, KmState.SECURED, keys, kmreq.clone());
        } catch (KeyUnwrapException e) {
            return enforced ? new ResponderOutcome(RejectReason.BADSECRET, KmState.BADSECRET, null, null)
                    : new ResponderOutcome(null, KmState.BADSECRET, null, KmState.BADSECRET.toKmrspWord());
        }
    }

    /**
     * @param sentKmreq the KMREQ content the caller sent, or null when it has no passphrase
     * @param kmrsp     the KMRSP content received, or null when the response had none
     */
    public static InitiatorOutcome conclude(boolean enforced, byte[] sentKmreq, byte[] kmrsp) {
        KmState peerState = kmrsp == null ? null : kmrspState(kmrsp);
        if (sentKmreq == null) {
            if (kmrsp == null) {
                return new InitiatorOutcome(null, KmState.UNSECURED);
            }
            // Any KMRSP to a conclusion without KMREQ means the listener has a passphrase we lack.
            return enforced ? new InitiatorOutcome(RejectReason.UNSECURE, KmState.UNSECURED)
                    : new InitiatorOutcome(null, KmState.NOSECRET);
        }
        if (kmrsp != null && Arrays.equals(kmrsp, sentKmreq)) {
            return new InitiatorOutcome(null, KmState.SECURED);
        }
        if (peerState == KmState.BADSECRET) {
            return enforced ? new InitiatorOutcome(RejectReason.BADSECRET, KmState.BADSECRET)
                    : new InitiatorOutcome(null, KmState.BADSECRET);
        }
        return enforced ? new InitiatorOutcome(RejectReason.UNSECURE, KmState.UNSECURED)
                : new InitiatorOutcome(null, KmState.UNSECURED);
    }

    /** The state a one-word KMRSP reports; a longer KMRSP (an echo) counts as SECURED. */
    private static KmState kmrspState(byte[] kmrsp) {
        if (kmrsp.length == 4) {
            KmState s = KmState.ofKmrspWord(kmrsp);
            return s == null ? KmState.NOSECRET : s;   // libsrt treats unknown failure states as "no secret"
        }
        return kmrsp.length == 0 ? KmState.UNSECURED : KmState.SECURED;
    }
}

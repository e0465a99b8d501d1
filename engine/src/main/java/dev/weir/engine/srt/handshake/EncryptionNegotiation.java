package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.KeyMaterialMessage;
import dev.weir.engine.srt.crypto.KeyUnwrapException;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.MalformedPacketException;
import java.nio.ByteBuffer;
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
 *                       |                             | caller rejects
 *  listener only        | listener rejects UNSECURE   | accepted; KMRSP says NOSECRET; enforced caller rejects
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
            return enforced ? new ResponderOutcome(RejectReason.UNSECURE, KmState.UNSECURED, null, null)
                    : new ResponderOutcome(null, KmState.NOSECRET, null, KmState.NOSECRET.toKmrspWord());
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
            if (peerState == null || peerState == KmState.UNSECURED) {
                return new InitiatorOutcome(null, KmState.UNSECURED);
            }
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
            KmState s = KmState.ofCode(ByteBuffer.wrap(kmrsp).getInt());
            return s == null ? KmState.BADSECRET : s;
        }
        return kmrsp.length == 0 ? KmState.UNSECURED : KmState.SECURED;
    }
}

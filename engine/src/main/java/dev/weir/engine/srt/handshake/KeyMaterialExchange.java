package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.KeyMaterialMessage;
import dev.weir.engine.srt.crypto.KeyUnwrapException;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.UserDefinedPacket;
import java.util.Arrays;

/**
 * The receiving side of a KMREQ sent after the handshake in a UMSG_EXT packet (subtype 3): an HSv5 sender's key
 * refresh (announcing the next key, or decommissioning the old one), or an HSv4 sender's first keys. The answer
 * is a UMSG_EXT KMRSP (subtype 4) echoing the request on success, or the one-word state on failure, as libsrt does.
 */
public final class KeyMaterialExchange {

    private KeyMaterialExchange() {
    }

    /**
     * @param keys  the keys to use from now on (the updated existing keys, new keys, or null when none)
     * @param state the resulting key material state
     * @param kmrsp the UMSG_EXT KMRSP to send back
     */
    public record Answer(StreamKeys keys, KmState state, UserDefinedPacket kmrsp) {
    }

    /**
     * @param existing   the connection's current keys, or null
     * @param passphrase this side's passphrase, or null
     */
    public static Answer answerKmReq(UserDefinedPacket kmreq, StreamKeys existing, Passphrase passphrase,
                                     int peerSocketId, int timestamp) throws MalformedPacketException {
        MalformedPacketException.require(kmreq.subtype() == UserDefinedPacket.SUBTYPE_KMREQ,
                "expected a UMSG_EXT KMREQ (subtype 3), got subtype " + kmreq.subtype());
        byte[] body = kmreq.body();
        KeyMaterialMessage km = KeyMaterialMessage.decode(body);
        if (passphrase == null) {
            return failure(existing, KmState.NOSECRET, peerSocketId, timestamp);
        }
        try {
            StreamKeys keys;
            if (existing != null && existing.keyLength() == km.keyLength() && existing.hasSalt(km.salt())) {
                existing.apply(km);
                keys = existing;
            } else {
                keys = StreamKeys.fromKeyMaterial(passphrase, km);
            }
            return new Answer(keys, KmState.SECURED, new UserDefinedPacket(UserDefinedPacket.SUBTYPE_KMRSP, 0,
                    Arrays.copyOf(body, body.length), timestamp, peerSocketId));
        } catch (KeyUnwrapException e) {
            return failure(existing, KmState.BADSECRET, peerSocketId, timestamp);
        }
    }

    private static Answer failure(StreamKeys existing, KmState state, int peerSocketId, int timestamp) {
        return new Answer(existing, state, new UserDefinedPacket(UserDefinedPacket.SUBTYPE_KMRSP, 0,
                state.toKmrspWord(), timestamp, peerSocketId));
    }
}

package dev.weir.engine.srt.stats;

/**
 * Something that happened to the stream encryption keys of a connection, for the console's event list.
 *
 * @param msTimeStamp ms since the connection started
 * @param kind        what happened
 * @param key         the key concerned: "even", "odd" or "both"
 */
public record KeyMaterialEvent(long msTimeStamp, Kind kind, String key) {

    public enum Kind {
        /** We generated the next key and announced it to the peer (KMREQ with both keys). */
        PRE_ANNOUNCED,
        /** We started encrypting with the other key. */
        SWITCHED,
        /** We retired the previous key (KMREQ with only the active key). */
        DECOMMISSIONED,
        /** The peer acknowledged our key material (KMRSP). */
        PEER_ACKNOWLEDGED,
        /** The peer announced new key material and we installed it. */
        PEER_REFRESHED,
        /** The peer's key material could not be unwrapped (passphrase mismatch) or was malformed. */
        PEER_REJECTED
    }
}

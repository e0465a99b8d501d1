package dev.weir.engine.srt.crypto;

import dev.weir.engine.srt.packet.KeyFlags;

/**
 * When a sender refreshes its stream encryption key, counted in data packets (libsrt's
 * {@code SRTO_KMREFRESHRATE} and {@code SRTO_KMPREANNOUNCE}, defaults 2^24 and 2^12 packets).
 *
 * <p>The even key starts active. {@code preAnnounce} packets before {@code refreshRate} packets have been sent
 * with the active key, the other key is generated and announced (a KM message carrying both keys) so receivers
 * hold it before it is used; at {@code refreshRate} packets the sender switches to it; {@code preAnnounce}
 * packets after the switch the old key is decommissioned (a KM message carrying only the new key). I/O-free:
 * the caller asks {@link #onPacket()} before encrypting each packet and acts on the answer.
 */
public final class KeyRotation {

    public static final long DEFAULT_REFRESH_RATE = 1L << 24;
    public static final long DEFAULT_PRE_ANNOUNCE = 1L << 12;

    /** What the sender must do before encrypting the packet it is about to send. */
    public enum Action {
        /** Nothing: encrypt with {@link #activeKey()}. */
        NONE,
        /** Generate the inactive key and send a KMREQ carrying both keys. */
        PRE_ANNOUNCE,
        /** {@link #activeKey()} has just changed to the pre-announced key. */
        SWITCH,
        /** Forget the previous key and send a KMREQ carrying only the active one. */
        DECOMMISSION
    }

    private final long refreshRate;
    private final long preAnnounce;
    private KeyFlags active = KeyFlags.EVEN;
    private long sentWithActive;
    private boolean announced;
    private boolean previousStillAnnounced;

    public KeyRotation(long refreshRate, long preAnnounce) {
        if (preAnnounce < 1 || preAnnounce > refreshRate / 2) {
            throw new IllegalArgumentException("kmpreannounce must be between 1 and half of kmrefreshrate ("
                    + refreshRate + "), got " + preAnnounce);
        }
        this.refreshRate = refreshRate;
        this.preAnnounce = preAnnounce;
    }

    public static KeyRotation withDefaults() {
        return new KeyRotation(DEFAULT_REFRESH_RATE, DEFAULT_PRE_ANNOUNCE);
    }

    /** The key to encrypt with. */
    public KeyFlags activeKey() {
        return active;
    }

    /** Counts one packet about to be sent and says what to do first. */
    public Action onPacket() {
        sentWithActive++;
        if (!announced && sentWithActive > refreshRate - preAnnounce) {
            announced = true;
            return Action.PRE_ANNOUNCE;
        }
        if (sentWithActive > refreshRate) {
            active = active == KeyFlags.EVEN ? KeyFlags.ODD : KeyFlags.EVEN;
            sentWithActive = 1;
            announced = false;
            previousStillAnnounced = true;
            return Action.SWITCH;
        }
        if (previousStillAnnounced && sentWithActive > preAnnounce) {
            previousStillAnnounced = false;
            return Action.DECOMMISSION;
        }
        return Action.NONE;
    }
}

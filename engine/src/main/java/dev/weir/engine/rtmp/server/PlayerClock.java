package dev.weir.engine.rtmp.server;

/**
 * Maps the hub's timestamps onto one player's timeline, which starts at 0 and never jumps back. A player that
 * joins late would otherwise start at the publisher's hours-old clock, and a republish (whose clock restarts
 * at 0) would send time backwards, which players treat as broken. Each publish session is rebased to start
 * where the player's timeline stands; offsets within a session are kept exactly, so audio and video stay in
 * sync. Data messages (metadata) do not start a session's timeline: the hub sends cached metadata first, with
 * whatever timestamp it had.
 */
final class PlayerClock {
    private long base = -1;   // first audio/video timestamp of the current publish session, -1 before it
    private long offset;      // player time at which the current session started
    private long latest;      // highest player time sent

    /** Player time for a hub timestamp. */
    long map(long timestamp, boolean startsTimeline) {
        if (base < 0) {
            if (!startsTimeline) {
                return offset;
            }
            base = timestamp;
        }
        long mapped = offset + Math.max(0, timestamp - base);
        latest = Math.max(latest, mapped);
        return mapped;
    }

    /** A new publish session begins: continue from the latest time sent. */
    void restart() {
        base = -1;
        offset = latest;
    }
}

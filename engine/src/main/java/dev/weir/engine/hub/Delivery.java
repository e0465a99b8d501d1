package dev.weir.engine.hub;

/**
 * How a player's queue treats one event when the player falls behind. Decided once per message by the
 * stream, so queues never look inside bodies on the hot path.
 */
enum Delivery {
    /** Never dropped while the player stays attached: metadata, sequence headers, control events. */
    KEEP,
    /** A point a skipping player resumes at: a video keyframe (or any audio frame of a stream without video). */
    RESUME_POINT,
    /** Dropped when the player overflows, and until the next resume point. */
    DROPPABLE
}

package dev.weir.engine.media.mp4;

/**
 * One sample of a fragment, its times in the track's timescale.
 *
 * @param decodeTime        decode time since the start of the recording
 * @param duration          until the next sample's decode time
 * @param compositionOffset presentation time minus decode time (may be negative)
 * @param sync              a sync (key) sample
 */
public record Mp4Sample(long decodeTime, long duration, int compositionOffset, boolean sync, byte[] data,
                        int offset, int length) {
}

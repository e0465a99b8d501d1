package dev.weir.engine.hub;

import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.media.flv.FlvFormatException;
import dev.weir.engine.media.flv.FlvScriptTag;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.VideoInfo;

/**
 * What a stream's tracks are, for stats: learned from sequence headers (exact) and {@code onMetaData}
 * (what the encoder announced, used where headers say nothing). Updated only on sequence headers and metadata,
 * which are rare; read by the stats sampler. Not thread-safe: its stream's lock guards it.
 */
final class TrackInfo {
    private VideoInfo fromHeader = VideoInfo.NONE;
    private VideoInfo fromMetadata = VideoInfo.NONE;
    private AudioInfo audio = AudioInfo.NONE;
    private AudioInfo audioFromMetadata = AudioInfo.NONE;

    void onVideoSequenceHeader(byte[] body) {
        try {
            fromHeader = VideoConfigs.describe(FlvVideoTag.parse(body), body);
        } catch (FlvFormatException e) {
            fromHeader = VideoInfo.NONE;
        }
    }

    void onAudioSequenceHeader(byte[] body) {
        try {
            audio = AudioConfigs.describe(FlvAudioTag.parse(body), body);
        } catch (FlvFormatException e) {
            audio = AudioInfo.NONE;
        }
    }

    /** Codecs without a sequence header (MP3, Speex, ...) are named by their first frame. */
    void onAudioFrame(byte[] body) {
        if (audio.codec() != null) return;
        try {
            audio = AudioConfigs.describe(FlvAudioTag.parse(body), body);
        } catch (FlvFormatException e) {
            // leave unknown; the next frame may say more
        }
    }

    void onMetadata(byte[] body) {
        try {
            FlvScriptTag tag = FlvScriptTag.parse(body);
            fromMetadata = new VideoInfo(null, null, null, (int) tag.number("width"), (int) tag.number("height"),
                    tag.number("framerate"));
            audioFromMetadata = new AudioInfo(null, null, (int) tag.number("audiosamplerate"),
                    tag.properties().get("stereo") instanceof Boolean stereo ? (stereo ? 2 : 1) : 0);
        } catch (FlvFormatException e) {
            fromMetadata = VideoInfo.NONE;
            audioFromMetadata = AudioInfo.NONE;
        }
    }

    void clear() {
        fromHeader = VideoInfo.NONE;
        fromMetadata = VideoInfo.NONE;
        audio = AudioInfo.NONE;
        audioFromMetadata = AudioInfo.NONE;
    }

    /** The video track, with {@code measuredFps} when frames were counted, else what header or metadata announced. */
    VideoInfo video(double measuredFps) {
        VideoInfo h = fromHeader;
        VideoInfo m = fromMetadata;
        double fps = measuredFps > 0 ? measuredFps : h.fps() > 0 ? h.fps() : m.fps();
        if (h.codec() == null && m.width() == 0 && fps == 0) return VideoInfo.NONE;
        return new VideoInfo(h.codec(), h.profile(), h.level(),
                h.width() > 0 ? h.width() : m.width(),
                h.height() > 0 ? h.height() : m.height(),
                fps);
    }

    AudioInfo audio() {
        AudioInfo a = audio;
        AudioInfo m = audioFromMetadata;
        if (a.codec() == null && m.sampleRate() == 0) return AudioInfo.NONE;
        return new AudioInfo(a.codec(), a.profile(),
                a.sampleRate() > 0 ? a.sampleRate() : m.sampleRate(),
                a.channels() > 0 ? a.channels() : m.channels());
    }
}

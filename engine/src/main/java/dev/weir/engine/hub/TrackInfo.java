package dev.weir.engine.hub;

import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.media.flv.FlvFormatException;
import dev.weir.engine.media.flv.FlvScriptTag;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.StreamMetadata;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.VideoInfo;

/**
 * What a stream's tracks are, for stats: learned from sequence headers (exact) and {@code onMetaData}
 * (what the encoder announced, used where the headers say nothing). Updated only on sequence headers,
 * metadata and the first audio frame, which are rare; read by the stats sampler. Not thread-safe: its stream's
 * lock guards it.
 */
final class TrackInfo {
    private VideoInfo fromHeader = VideoInfo.NONE;
    private AudioInfo audio = AudioInfo.NONE;
    private StreamMetadata metadata = StreamMetadata.NONE;

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
            metadata = StreamMetadata.from(FlvScriptTag.parse(body));
        } catch (FlvFormatException e) {
            metadata = StreamMetadata.NONE;
        }
    }

    void clear() {
        fromHeader = VideoInfo.NONE;
        audio = AudioInfo.NONE;
        metadata = StreamMetadata.NONE;
    }

    /** What the publisher announced in {@code onMetaData}. */
    StreamMetadata metadata() {
        return metadata;
    }

    /** The video track, with {@code measuredFps} when frames were counted, else what header or metadata declared. */
    VideoInfo video(double measuredFps) {
        VideoInfo h = fromHeader;
        StreamMetadata m = metadata;
        double fps = measuredFps > 0 ? measuredFps : h.fps() > 0 ? h.fps() : m.frameRate();
        String codec = h.codec() != null ? h.codec() : m.videoCodec();
        int width = h.width() > 0 ? h.width() : m.width();
        int height = h.height() > 0 ? h.height() : m.height();
        if (codec == null && width == 0 && fps == 0) return VideoInfo.NONE;
        return new VideoInfo(codec, h.profile(), h.level(), width, height, fps);
    }

    AudioInfo audio() {
        AudioInfo a = audio;
        StreamMetadata m = metadata;
        String codec = a.codec() != null ? a.codec() : m.audioCodec();
        int rate = a.sampleRate() > 0 ? a.sampleRate() : m.audioSampleRate();
        int channels = a.channels() > 0 ? a.channels() : m.audioChannels();
        if (codec == null && rate == 0) return AudioInfo.NONE;
        return new AudioInfo(codec, a.profile(), rate, channels);
    }
}

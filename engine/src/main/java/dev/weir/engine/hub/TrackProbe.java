package dev.weir.engine.hub;

import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.media.flv.FlvScriptTag;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.VideoInfo;

/**
 * Names the tracks of an FLV message stream seen outside the hub — the built-in caller playing a remote stream —
 * by the rules the hub's own stats use ({@link TrackInfo}): codec, profile and size from the sequence headers
 * (AVC and HEVC configurations, Enhanced RTMP FourCC), audio from its sequence header or first frame,
 * {@code onMetaData} where the headers say nothing. Not thread-safe: one reader feeds it.
 */
public final class TrackProbe {
    private final TrackInfo tracks = new TrackInfo();

    /** Takes one message; only sequence headers, first audio frames and metadata change what is known. */
    public void accept(MediaMessage m) {
        switch (m.kind()) {
            case VIDEO -> {
                if (FlvVideoTag.roleOf(m.body()) == TagRole.SEQUENCE_HEADER) tracks.onVideoSequenceHeader(m.body());
            }
            case AUDIO -> {
                TagRole role = FlvAudioTag.roleOf(m.body());
                if (role == TagRole.SEQUENCE_HEADER) tracks.onAudioSequenceHeader(m.body());
                else if (role == TagRole.FRAME) tracks.onAudioFrame(m.body());
            }
            case DATA -> {
                if (FlvScriptTag.ON_METADATA.equals(FlvScriptTag.nameOf(m.body()))) tracks.onMetadata(m.body());
            }
        }
    }

    /** The video track as far as known ({@link VideoInfo#NONE} before anything), with the declared frame rate. */
    public VideoInfo video() {
        return tracks.video(0);
    }

    public AudioInfo audio() {
        return tracks.audio();
    }
}

package dev.weir.engine.media.convert;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.flv.AudioCodec;
import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.media.flv.FlvFormatException;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.VideoPacketType;

/**
 * What a hub message's FLV tag body holds, as the writers (TS, MP4) need it: a codec configuration or a coded
 * frame of a codec Weir can write (video: AVC, HEVC — legacy id 12 or Enhanced {@code hvc1} —, AV1, VP9;
 * audio: AAC, MP3). The tag header itself is classified by the hub's {@link FlvVideoTag} / {@link FlvAudioTag},
 * so there is one reading of the FLV and Enhanced RTMP layouts. Offsets point into the message body; nothing is
 * copied.
 */
public sealed interface FlvPayload {

    enum VideoCodec { H264, H265, AV1, VP9 }

    /**
     * The codec configuration record: AVCDecoderConfigurationRecord, HEVCDecoderConfigurationRecord,
     * AV1CodecConfigurationRecord or VPCodecConfigurationRecord.
     */
    record VideoConfig(VideoCodec codec, byte[] body, int offset) implements FlvPayload {
        public int length() {
            return body.length - offset;
        }
    }

    /** One coded picture: AVCC/HVCC length-prefixed NAL units, AV1 OBUs or a VP9 frame. */
    record VideoFrame(VideoCodec codec, boolean key, int compositionTimeMs, byte[] body, int offset)
            implements FlvPayload {
        public int length() {
            return body.length - offset;
        }
    }

    record AacConfig(byte[] body, int offset) implements FlvPayload {
    }

    record AacFrame(byte[] body, int offset) implements FlvPayload {
        public int length() {
            return body.length - offset;
        }
    }

    record Mp3Frame(byte[] body, int offset) implements FlvPayload {
    }

    /** Anything else, and why it is not media Weir writes. */
    record Other(String what, Reason reason) implements FlvPayload {
    }

    enum Reason {
        /** Script data, sequence ends, command frames, metadata: nothing to write. */
        NOT_MEDIA,
        /** A codec or layout (multitrack) Weir does not write. */
        UNSUPPORTED,
        /** A header that breaks the FLV / Enhanced RTMP syntax. */
        MALFORMED
    }

    /** Classifies a hub message body. */
    static FlvPayload of(MediaMessage m) {
        return switch (m.kind()) {
            case VIDEO -> video(m.body());
            case AUDIO -> audio(m.body());
            case DATA -> new Other("script data", Reason.NOT_MEDIA);
        };
    }

    static FlvPayload video(byte[] b) {
        FlvVideoTag tag;
        try {
            tag = FlvVideoTag.parse(b);
        } catch (FlvFormatException e) {
            return new Other(e.getMessage(), Reason.MALFORMED);
        }
        if (tag.multitrack()) {
            return new Other("multitrack video", Reason.UNSUPPORTED);
        }
        VideoCodec codec = switch (tag.codec()) {
            case AVC -> VideoCodec.H264;
            case HEVC -> VideoCodec.H265;
            case AV1 -> VideoCodec.AV1;
            case VP9 -> VideoCodec.VP9;
            default -> null;
        };
        if (codec == null) {
            return tag.codec() == dev.weir.engine.media.flv.VideoCodec.UNSPECIFIED
                    ? new Other("video command frame", Reason.NOT_MEDIA)
                    : new Other(tag.codec() + " video", Reason.UNSUPPORTED);
        }
        return switch (tag.role()) {
            case SEQUENCE_HEADER -> tag.packetType() == VideoPacketType.SEQUENCE_START
                    ? new VideoConfig(codec, b, tag.dataOffset())
                    : new Other("MPEG-2 TS sequence start", Reason.UNSUPPORTED);
            case KEY_FRAME -> new VideoFrame(codec, true, tag.compositionTime(), b, tag.dataOffset());
            case FRAME -> new VideoFrame(codec, false, tag.compositionTime(), b, tag.dataOffset());
            default -> new Other(tag.role() + " video tag", Reason.NOT_MEDIA);
        };
    }

    static FlvPayload audio(byte[] b) {
        FlvAudioTag tag;
        try {
            tag = FlvAudioTag.parse(b);
        } catch (FlvFormatException e) {
            return new Other(e.getMessage(), Reason.MALFORMED);
        }
        if (tag.multitrack()) {
            return new Other("multitrack audio", Reason.UNSUPPORTED);
        }
        AudioCodec codec = tag.codec();
        if (codec == AudioCodec.AAC) {
            return switch (tag.role()) {
                case SEQUENCE_HEADER -> new AacConfig(b, tag.dataOffset());
                case FRAME -> new AacFrame(b, tag.dataOffset());
                default -> new Other(tag.role() + " AAC tag", Reason.NOT_MEDIA);
            };
        }
        boolean mp3 = codec == AudioCodec.MP3 || codec == AudioCodec.MP3_8K;
        if (mp3 && tag.role() == dev.weir.engine.media.flv.TagRole.FRAME) {
            return new Mp3Frame(b, tag.dataOffset());
        }
        return new Other(codec + " audio", Reason.UNSUPPORTED);
    }
}

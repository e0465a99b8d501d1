package dev.weir.engine.media.convert;

import java.nio.charset.StandardCharsets;

/**
 * What a hub message's FLV tag body holds, as the writers (MP4, TS) need it: a codec configuration or a coded
 * frame, for the video codecs Weir records (legacy AVC, legacy HEVC id 12, Enhanced RTMP hvc1/av01/vp09/avc1)
 * and audio (AAC, MP3). Offsets point into the message body; nothing is copied.
 */
public sealed interface FlvPayload {

    enum VideoCodec { H264, H265, AV1, VP9 }

    /** AVCDecoderConfigurationRecord, HEVCDecoderConfigurationRecord, AV1CodecConfigurationRecord or VPCodecConfigurationRecord. */
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

    /** Anything else: script data, sequence end, command frames, codecs Weir does not carry. */
    record Other(String what) implements FlvPayload {
    }

    static FlvPayload video(byte[] b) {
        if (b.length < 1) {
            return new Other("empty video tag");
        }
        int b0 = b[0] & 0xFF;
        if ((b0 & 0x80) != 0) {
            return enhancedVideo(b);
        }
        int frameType = b0 >> 4;
        int codecId = b0 & 0x0F;
        if (frameType == 5) {
            return new Other("video command frame");
        }
        VideoCodec codec = switch (codecId) {
            case 7 -> VideoCodec.H264;
            case 12 -> VideoCodec.H265;
            default -> null;
        };
        if (codec == null) {
            return new Other("video codec id " + codecId);
        }
        if (b.length < 5) {
            return new Other("truncated video tag");
        }
        return switch (b[1]) {
            case 0 -> new VideoConfig(codec, b, 5);
            case 1 -> new VideoFrame(codec, frameType == 1, FlvBodies.readSi24(b, 2), b, 5);
            default -> new Other("end of sequence");
        };
    }

    private static FlvPayload enhancedVideo(byte[] b) {
        if (b.length < 5) {
            return new Other("truncated enhanced video tag");
        }
        int frameType = (b[0] >> 4) & 0x7;
        int packetType = b[0] & 0x0F;
        String fourCc = new String(b, 1, 4, StandardCharsets.ISO_8859_1);
        VideoCodec codec = switch (fourCc) {
            case "avc1" -> VideoCodec.H264;
            case "hvc1" -> VideoCodec.H265;
            case "av01" -> VideoCodec.AV1;
            case "vp09" -> VideoCodec.VP9;
            default -> null;
        };
        if (codec == null) {
            return new Other("enhanced video " + fourCc);
        }
        if (frameType == 5) {
            return new Other("video command frame");
        }
        boolean key = frameType == 1;
        boolean hasCts = codec == VideoCodec.H264 || codec == VideoCodec.H265;
        return switch (packetType) {
            case 0 -> new VideoConfig(codec, b, 5);
            case 1 -> hasCts
                    ? (b.length < 8 ? new Other("truncated CodedFrames") : new VideoFrame(codec, key, FlvBodies.readSi24(b, 5), b, 8))
                    : new VideoFrame(codec, key, 0, b, 5);
            case 3 -> new VideoFrame(codec, key, 0, b, 5);
            default -> new Other("enhanced packet type " + packetType);
        };
    }

    static FlvPayload audio(byte[] b) {
        if (b.length < 1) {
            return new Other("empty audio tag");
        }
        int format = (b[0] & 0xFF) >> 4;
        if (format == 10) {
            if (b.length < 2) {
                return new Other("truncated AAC tag");
            }
            return b[1] == 0 ? new AacConfig(b, 2) : new AacFrame(b, 2);
        }
        if (format == 2) {
            return new Mp3Frame(b, 1);
        }
        return new Other("sound format " + format);
    }

    /** Classifies a hub message body. */
    static FlvPayload of(dev.weir.engine.hub.MediaMessage m) {
        return switch (m.kind()) {
            case VIDEO -> video(m.body());
            case AUDIO -> audio(m.body());
            case DATA -> new Other("script data");
        };
    }
}

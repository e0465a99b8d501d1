package dev.weir.engine.media.flv;

/**
 * The header of one FLV video tag body (an RTMP video message), legacy or Enhanced RTMP.
 *
 * <p>Legacy layout: {@code [FrameType:4 | CodecID:4]}, then for AVC/HEVC {@code [AVCPacketType:8]
 * [CompositionTime:SI24]}. Enhanced layout: {@code [IsExHeader:1 | FrameType:3 | PacketType:4]}, any number
 * of ModEx prefixes, an optional multitrack byte, a FourCC, and for single-track avc1/hvc1 CodedFrames a
 * composition time.
 *
 * @param frameType       key, inter, command, ...
 * @param codec           the codec; {@link VideoCodec#UNSPECIFIED} for command frames and many-codec multitrack
 * @param packetType      what the payload is
 * @param enhanced        true when the IsExHeader bit was set
 * @param multitrack      true for an Enhanced RTMP v2 multitrack body; the payload then starts with per-track headers
 * @param compositionTime presentation minus decode time in ms (0 when the layout has none)
 * @param dataOffset      where the payload (configuration record, NAL units, track headers, command byte) starts
 */
public record FlvVideoTag(
        VideoFrameType frameType,
        VideoCodec codec,
        VideoPacketType packetType,
        boolean enhanced,
        boolean multitrack,
        int compositionTime,
        int dataOffset) {

    static final int EX_HEADER_BIT = 0x80;
    static final int PACKET_TYPE_MULTITRACK = 6;
    static final int PACKET_TYPE_MOD_EX = 7;
    static final int MULTITRACK_MANY_CODECS = 2;

    /** The role the tag plays in a stream; never {@link TagRole#MALFORMED} for a parsed tag. */
    public TagRole role() {
        if (frameType == VideoFrameType.COMMAND && packetType != VideoPacketType.METADATA) return TagRole.SIDE_DATA;
        return roleOf(frameType, packetType);
    }

    private static TagRole roleOf(VideoFrameType frameType, VideoPacketType packetType) {
        return switch (packetType) {
            case SEQUENCE_START, MPEG2TS_SEQUENCE_START -> TagRole.SEQUENCE_HEADER;
            case SEQUENCE_END -> TagRole.SEQUENCE_END;
            case METADATA, COMMAND -> TagRole.SIDE_DATA;
            case CODED_FRAMES, CODED_FRAMES_X -> frameType == VideoFrameType.KEY ? TagRole.KEY_FRAME : TagRole.FRAME;
        };
    }

    /** True for a sequence header (decoder configuration) of any codec. */
    public boolean isSequenceHeader() {
        return role() == TagRole.SEQUENCE_HEADER;
    }

    /** Parses the header of {@code body}. */
    public static FlvVideoTag parse(byte[] body) throws FlvFormatException {
        if (body.length < 1) throw new FlvFormatException("video tag is empty");
        int first = body[0] & 0xFF;
        return (first & EX_HEADER_BIT) == 0 ? parseLegacy(body, first) : parseEnhanced(body, first);
    }

    private static FlvVideoTag parseLegacy(byte[] body, int first) throws FlvFormatException {
        VideoFrameType frameType = VideoFrameType.fromWire(first >> 4);
        if (frameType == null) throw new FlvFormatException("video tag has undefined frame type " + (first >> 4));
        VideoCodec codec = VideoCodec.fromCodecId(first & 0x0F);
        if (codec == null) throw new FlvFormatException("video tag has undefined codec id " + (first & 0x0F));
        if (frameType == VideoFrameType.COMMAND) {
            if (body.length < 2) throw new FlvFormatException("video command frame has no command byte");
            return new FlvVideoTag(frameType, codec, VideoPacketType.COMMAND, false, false, 0, 1);
        }
        if (!codec.hasLegacyPacketHeader()) {
            return new FlvVideoTag(frameType, codec, VideoPacketType.CODED_FRAMES, false, false, 0, 1);
        }
        if (body.length < 5) {
            throw new FlvFormatException(codec.displayName() + " video tag of " + body.length
                    + " bytes is shorter than its 5-byte header");
        }
        VideoPacketType packetType = switch (body[1]) {
            case 0 -> VideoPacketType.SEQUENCE_START;
            case 1 -> VideoPacketType.CODED_FRAMES;
            case 2 -> VideoPacketType.SEQUENCE_END;
            default -> throw new FlvFormatException(codec.displayName() + " video tag has undefined packet type "
                    + (body[1] & 0xFF));
        };
        return new FlvVideoTag(frameType, codec, packetType, false, false, TagBytes.signed24(body, 2), 5);
    }

    private static FlvVideoTag parseEnhanced(byte[] body, int first) throws FlvFormatException {
        VideoFrameType frameType = VideoFrameType.fromWire((first >> 4) & 0x07);
        if (frameType == null) {
            throw new FlvFormatException("enhanced video tag has undefined frame type " + ((first >> 4) & 0x07));
        }
        int packetType = first & 0x0F;
        int pos = 1;
        while (packetType == PACKET_TYPE_MOD_EX) {
            pos = skipModEx(body, pos);
            packetType = body[pos - 1] & 0x0F;
        }
        if (frameType == VideoFrameType.COMMAND && packetType != 4) {
            if (pos >= body.length) throw new FlvFormatException("enhanced video command frame has no command byte");
            return new FlvVideoTag(frameType, VideoCodec.UNSPECIFIED, VideoPacketType.COMMAND, true, false, 0, pos);
        }
        boolean multitrack = false;
        boolean oneFourCc = true;
        if (packetType == PACKET_TYPE_MULTITRACK) {
            if (pos >= body.length) throw new FlvFormatException("enhanced video multitrack tag has no multitrack byte");
            int multitrackByte = body[pos++] & 0xFF;
            multitrack = true;
            oneFourCc = (multitrackByte >> 4) != MULTITRACK_MANY_CODECS;
            packetType = multitrackByte & 0x0F;
        }
        VideoPacketType type = VideoPacketType.fromEnhanced(packetType);
        if (type == null) throw new FlvFormatException("enhanced video tag has undefined packet type " + packetType);
        VideoCodec codec = VideoCodec.UNSPECIFIED;
        if (oneFourCc) {
            if (body.length < pos + 4) throw new FlvFormatException("enhanced video tag ends before its FourCC");
            int fourCc = TagBytes.int32(body, pos);
            codec = VideoCodec.fromFourCc(fourCc);
            if (codec == null) throw new FlvFormatException("enhanced video tag names unknown FourCC " + TagBytes.fourCcText(fourCc));
            pos += 4;
        }
        int compositionTime = 0;
        if (!multitrack && type == VideoPacketType.CODED_FRAMES && codec.hasLegacyPacketHeader()) {
            if (body.length < pos + 3) throw new FlvFormatException("enhanced video tag ends before its composition time");
            compositionTime = TagBytes.signed24(body, pos);
            pos += 3;
        }
        return new FlvVideoTag(frameType, codec, type, true, multitrack, compositionTime, pos);
    }

    /**
     * The role of {@code body} without building a record: what the hub calls for every message. Agrees with
     * {@code parse(body).role()}, and is {@link TagRole#MALFORMED} exactly when {@code parse} throws.
     */
    public static TagRole roleOf(byte[] body) {
        if (body.length < 1) return TagRole.MALFORMED;
        int first = body[0] & 0xFF;
        if ((first & EX_HEADER_BIT) == 0) {
            VideoFrameType frameType = VideoFrameType.fromWire(first >> 4);
            VideoCodec codec = VideoCodec.fromCodecId(first & 0x0F);
            if (frameType == null || codec == null) return TagRole.MALFORMED;
            if (frameType == VideoFrameType.COMMAND) return body.length < 2 ? TagRole.MALFORMED : TagRole.SIDE_DATA;
            if (!codec.hasLegacyPacketHeader()) return roleOf(frameType, VideoPacketType.CODED_FRAMES);
            if (body.length < 5 || body[1] < 0 || body[1] > 2) return TagRole.MALFORMED;
            return roleOf(frameType, VideoPacketType.fromEnhanced(body[1])); // 0,1,2 mean the same in both layouts
        }
        VideoFrameType frameType = VideoFrameType.fromWire((first >> 4) & 0x07);
        if (frameType == null) return TagRole.MALFORMED;
        int packetType = first & 0x0F;
        int pos = 1;
        while (packetType == PACKET_TYPE_MOD_EX) {
            pos = TagBytes.modExEnd(body, pos);
            if (pos < 0) return TagRole.MALFORMED;
            packetType = body[pos - 1] & 0x0F;
        }
        if (frameType == VideoFrameType.COMMAND && packetType != 4) {
            return pos >= body.length ? TagRole.MALFORMED : TagRole.SIDE_DATA;
        }
        boolean oneFourCc = true;
        boolean multitrack = false;
        if (packetType == PACKET_TYPE_MULTITRACK) {
            if (pos >= body.length) return TagRole.MALFORMED;
            int multitrackByte = body[pos++] & 0xFF;
            multitrack = true;
            oneFourCc = (multitrackByte >> 4) != MULTITRACK_MANY_CODECS;
            packetType = multitrackByte & 0x0F;
        }
        VideoPacketType type = VideoPacketType.fromEnhanced(packetType);
        if (type == null) return TagRole.MALFORMED;
        if (oneFourCc) {
            if (body.length < pos + 4) return TagRole.MALFORMED;
            VideoCodec codec = VideoCodec.fromFourCc(TagBytes.int32(body, pos));
            if (codec == null) return TagRole.MALFORMED;
            pos += 4;
            if (!multitrack && type == VideoPacketType.CODED_FRAMES && codec.hasLegacyPacketHeader()
                    && body.length < pos + 3) {
                return TagRole.MALFORMED;
            }
        }
        return roleOf(frameType, type);
    }

    /**
     * Skips one ModEx prefix starting at {@code pos} (the byte after the packet type that said ModEx): a size,
     * that many bytes of data, and a byte whose low nibble is the next packet type. Returns the position after it.
     */
    private static int skipModEx(byte[] body, int pos) throws FlvFormatException {
        int end = TagBytes.modExEnd(body, pos);
        if (end < 0) throw new FlvFormatException("enhanced video tag ends inside a ModEx prefix");
        return end;
    }
}

package dev.weir.engine.media.flv;

/**
 * The header of one FLV audio tag body (an RTMP audio message), legacy or Enhanced RTMP.
 *
 * <p>Legacy layout: {@code [SoundFormat:4 | SoundRate:2 | SoundSize:1 | SoundType:1]}, then for AAC
 * {@code [AACPacketType:8]}. Enhanced layout (SoundFormat 9): {@code [9:4 | AudioPacketType:4]}, any number of
 * ModEx prefixes, an optional multitrack byte, then a FourCC.
 *
 * @param codec      the codec; {@link AudioCodec#UNSPECIFIED} for many-codec multitrack
 * @param packetType what the payload is
 * @param enhanced   true for SoundFormat 9 (Enhanced RTMP)
 * @param multitrack true for an Enhanced RTMP v2 multitrack body
 * @param dataOffset where the payload (AudioSpecificConfig, raw frames, track headers) starts
 */
public record FlvAudioTag(AudioCodec codec, AudioPacketType packetType, boolean enhanced, boolean multitrack,
                          int dataOffset) {

    static final int PACKET_TYPE_MULTITRACK = 5;
    static final int PACKET_TYPE_MOD_EX = 7;
    static final int MULTITRACK_MANY_CODECS = 2;

    /** The role the tag plays in a stream; never {@link TagRole#MALFORMED} for a parsed tag. */
    public TagRole role() {
        return packetType.role();
    }

    /** True for a sequence header (AAC AudioSpecificConfig, Enhanced RTMP SequenceStart). */
    public boolean isSequenceHeader() {
        return packetType == AudioPacketType.SEQUENCE_START;
    }

    /** Parses the header of {@code body}. */
    public static FlvAudioTag parse(byte[] body) throws FlvFormatException {
        if (body.length < 1) throw new FlvFormatException("audio tag is empty");
        int format = (body[0] & 0xFF) >> 4;
        if (format != AudioCodec.SOUND_FORMAT_EX_HEADER) {
            AudioCodec codec = AudioCodec.fromSoundFormat(format);
            if (codec == null) throw new FlvFormatException("audio tag has undefined sound format " + format);
            if (codec != AudioCodec.AAC) return new FlvAudioTag(codec, AudioPacketType.CODED_FRAMES, false, false, 1);
            if (body.length < 2) throw new FlvFormatException("AAC audio tag has no AACPacketType byte");
            AudioPacketType type = switch (body[1]) {
                case 0 -> AudioPacketType.SEQUENCE_START;
                case 1 -> AudioPacketType.CODED_FRAMES;
                default -> throw new FlvFormatException("AAC audio tag has undefined packet type " + (body[1] & 0xFF));
            };
            return new FlvAudioTag(codec, type, false, false, 2);
        }
        int packetType = body[0] & 0x0F;
        int pos = 1;
        while (packetType == PACKET_TYPE_MOD_EX) {
            pos = TagBytes.modExEnd(body, pos);
            if (pos < 0) throw new FlvFormatException("enhanced audio tag ends inside a ModEx prefix");
            packetType = body[pos - 1] & 0x0F;
        }
        boolean multitrack = false;
        boolean oneFourCc = true;
        if (packetType == PACKET_TYPE_MULTITRACK) {
            if (pos >= body.length) throw new FlvFormatException("enhanced audio multitrack tag has no multitrack byte");
            int multitrackByte = body[pos++] & 0xFF;
            multitrack = true;
            oneFourCc = (multitrackByte >> 4) != MULTITRACK_MANY_CODECS;
            packetType = multitrackByte & 0x0F;
        }
        AudioPacketType type = AudioPacketType.fromEnhanced(packetType);
        if (type == null) throw new FlvFormatException("enhanced audio tag has undefined packet type " + packetType);
        AudioCodec codec = AudioCodec.UNSPECIFIED;
        if (oneFourCc) {
            if (body.length < pos + 4) throw new FlvFormatException("enhanced audio tag ends before its FourCC");
            int fourCc = TagBytes.int32(body, pos);
            codec = AudioCodec.fromFourCc(fourCc);
            if (codec == null) {
                throw new FlvFormatException("enhanced audio tag names unknown FourCC " + TagBytes.fourCcText(fourCc));
            }
            pos += 4;
        }
        return new FlvAudioTag(codec, type, true, multitrack, pos);
    }

    /**
     * The role of {@code body} without building a record. Agrees with {@code parse(body).role()}, and is
     * {@link TagRole#MALFORMED} exactly when {@code parse} throws.
     */
    public static TagRole roleOf(byte[] body) {
        if (body.length < 1) return TagRole.MALFORMED;
        int format = (body[0] & 0xFF) >> 4;
        if (format != AudioCodec.SOUND_FORMAT_EX_HEADER) {
            AudioCodec codec = AudioCodec.fromSoundFormat(format);
            if (codec == null) return TagRole.MALFORMED;
            if (codec != AudioCodec.AAC) return TagRole.FRAME;
            if (body.length < 2) return TagRole.MALFORMED;
            return switch (body[1]) {
                case 0 -> TagRole.SEQUENCE_HEADER;
                case 1 -> TagRole.FRAME;
                default -> TagRole.MALFORMED;
            };
        }
        int packetType = body[0] & 0x0F;
        int pos = 1;
        while (packetType == PACKET_TYPE_MOD_EX) {
            pos = TagBytes.modExEnd(body, pos);
            if (pos < 0) return TagRole.MALFORMED;
            packetType = body[pos - 1] & 0x0F;
        }
        boolean oneFourCc = true;
        if (packetType == PACKET_TYPE_MULTITRACK) {
            if (pos >= body.length) return TagRole.MALFORMED;
            int multitrackByte = body[pos++] & 0xFF;
            oneFourCc = (multitrackByte >> 4) != MULTITRACK_MANY_CODECS;
            packetType = multitrackByte & 0x0F;
        }
        AudioPacketType type = AudioPacketType.fromEnhanced(packetType);
        if (type == null) return TagRole.MALFORMED;
        if (oneFourCc && (body.length < pos + 4 || AudioCodec.fromFourCc(TagBytes.int32(body, pos)) == null)) {
            return TagRole.MALFORMED;
        }
        return type.role();
    }
}

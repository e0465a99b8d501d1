package dev.weir.engine.media.flv;

/**
 * What an audio tag's payload is. Legacy AAC maps AACPacketType 0/1 to SEQUENCE_START / CODED_FRAMES;
 * other legacy formats have no packet type and are CODED_FRAMES.
 */
public enum AudioPacketType {
    SEQUENCE_START,
    CODED_FRAMES,
    SEQUENCE_END,
    MULTICHANNEL_CONFIG;

    /** Enhanced RTMP AudioPacketType 0, 1, 2, 4; {@code null} otherwise (5 Multitrack and 7 ModEx are prefixes). */
    static AudioPacketType fromEnhanced(int value) {
        return switch (value) {
            case 0 -> SEQUENCE_START;
            case 1 -> CODED_FRAMES;
            case 2 -> SEQUENCE_END;
            case 4 -> MULTICHANNEL_CONFIG;
            default -> null;
        };
    }

    TagRole role() {
        return switch (this) {
            case SEQUENCE_START -> TagRole.SEQUENCE_HEADER;
            case CODED_FRAMES -> TagRole.FRAME;
            case SEQUENCE_END -> TagRole.SEQUENCE_END;
            case MULTICHANNEL_CONFIG -> TagRole.SIDE_DATA;
        };
    }
}

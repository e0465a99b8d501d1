package dev.weir.engine.media.flv;

/**
 * What a video tag's payload is. Legacy AVC/HEVC tags map AVCPacketType 0/1/2 to SEQUENCE_START /
 * CODED_FRAMES / SEQUENCE_END; legacy codecs without a packet type are CODED_FRAMES; command frames are COMMAND.
 */
public enum VideoPacketType {
    SEQUENCE_START,
    CODED_FRAMES,
    SEQUENCE_END,
    /** Coded frames without a composition time (Enhanced RTMP, composition time is 0). */
    CODED_FRAMES_X,
    METADATA,
    MPEG2TS_SEQUENCE_START,
    COMMAND;

    /** Enhanced RTMP PacketType 0..5; {@code null} for others (6 Multitrack and 7 ModEx are prefixes, not payloads). */
    static VideoPacketType fromEnhanced(int value) {
        return switch (value) {
            case 0 -> SEQUENCE_START;
            case 1 -> CODED_FRAMES;
            case 2 -> SEQUENCE_END;
            case 3 -> CODED_FRAMES_X;
            case 4 -> METADATA;
            case 5 -> MPEG2TS_SEQUENCE_START;
            default -> null;
        };
    }
}

package dev.weir.engine.media.flv;

/**
 * The part one audio or video message plays in a live stream: what a late joiner must receive first
 * (sequence headers), where a player may start decoding (key frames), and what may be skipped.
 */
public enum TagRole {
    /** Decoder configuration (AVCDecoderConfigurationRecord, AudioSpecificConfig, Enhanced RTMP SequenceStart). */
    SEQUENCE_HEADER,
    /** A coded video frame a decoder can start from. */
    KEY_FRAME,
    /** Any other coded frame: video inter frames and every audio frame. */
    FRAME,
    /** The publisher ended the coded sequence. */
    SEQUENCE_END,
    /** Carries no frame: Enhanced RTMP metadata, command frames, multichannel configuration. */
    SIDE_DATA,
    /** The body is too short or names values the formats do not define. */
    MALFORMED
}

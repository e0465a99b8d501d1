package dev.weir.engine.media.flv;

/** FLV FrameType: the high nibble of a legacy video tag, bits 4-6 of an Enhanced RTMP one. */
public enum VideoFrameType {
    KEY,
    INTER,
    DISPOSABLE_INTER,
    /** Reserved for server use (a key frame generated for seeking); not a decoder entry point here. */
    GENERATED_KEY,
    /** Video info / command frame: carries a command, no picture. */
    COMMAND;

    /** Maps the wire value 1..5; {@code null} for values the formats leave undefined. */
    static VideoFrameType fromWire(int value) {
        return switch (value) {
            case 1 -> KEY;
            case 2 -> INTER;
            case 3 -> DISPOSABLE_INTER;
            case 4 -> GENERATED_KEY;
            case 5 -> COMMAND;
            default -> null;
        };
    }
}

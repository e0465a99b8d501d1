package dev.weir.engine.media.flv;

/** A tag body does not follow the FLV / Enhanced RTMP layout. The message says which field is wrong. */
public final class FlvFormatException extends Exception {
    public FlvFormatException(String message) {
        super(message);
    }
}

package dev.weir.engine.media;

/**
 * A codec configuration (SPS, decoder configuration record, AudioSpecificConfig) does not follow its
 * specification. The message says which field is wrong; it is for logs, not for operators.
 */
public final class MalformedMediaException extends Exception {
    public MalformedMediaException(String message) {
        super(message);
    }
}

package dev.weir.engine.media;

/**
 * Media syntax (a NAL unit, parameter set, decoder configuration record, AudioSpecificConfig, ADTS or MPEG audio
 * header) does not follow its specification. The message says which field is wrong; it is for logs, not for
 * operators.
 */
public final class MalformedMediaException extends Exception {
    public MalformedMediaException(String message) {
        super(message);
    }
}

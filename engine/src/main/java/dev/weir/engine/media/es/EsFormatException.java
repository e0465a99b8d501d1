package dev.weir.engine.media.es;

/** Elementary-stream bytes (NAL unit, ADTS header, parameter set, config record) that break their syntax. */
public class EsFormatException extends Exception {
    public EsFormatException(String message) {
        super(message);
    }
}

package dev.weir.engine.media.ts;

/** A transport packet, section or PES header that breaks the MPEG-TS syntax. */
public class TsFormatException extends Exception {
    public TsFormatException(String message) {
        super(message);
    }
}

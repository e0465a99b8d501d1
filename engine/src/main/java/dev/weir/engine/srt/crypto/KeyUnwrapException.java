package dev.weir.engine.srt.crypto;

/** The wrapped stream keys failed RFC 3394's integrity check: in SRT, the peers' passphrases differ. */
public final class KeyUnwrapException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyUnwrapException(String message) {
        super(message);
    }
}

package dev.weir.engine.srt.socket;

import dev.weir.engine.srt.handshake.RejectCode;
import java.io.IOException;

/** A connection attempt that failed: rejected by the peer (with libsrt's reject code), refused by us, or timed out. */
public final class SrtConnectException extends IOException {

    private final RejectCode code;

    public SrtConnectException(RejectCode code, String message) {
        super(message);
        this.code = code;
    }

    /** libsrt's reason, e.g. {@code SRT_REJ_BADSECRET}, {@code SRT_REJ_TIMEOUT}, or an application code. */
    public RejectCode code() {
        return code;
    }
}

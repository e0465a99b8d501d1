package dev.weir.engine.rtmp.handshake;

import java.io.IOException;

/** The peer's handshake cannot be answered (wrong version byte, encrypted RTMPE, ...). */
public final class HandshakeException extends IOException {
    public HandshakeException(String message) {
        super(message);
    }
}

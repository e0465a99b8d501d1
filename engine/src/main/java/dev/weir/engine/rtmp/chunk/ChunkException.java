package dev.weir.engine.rtmp.chunk;

import java.io.IOException;

/** The peer broke the chunk protocol or a limit. The connection must be closed; the message says why. */
public final class ChunkException extends IOException {
    public ChunkException(String message) {
        super(message);
    }
}

package dev.weir.engine.rtmp.message;

import java.io.IOException;

/** A message's body does not parse (command without a name, truncated aggregate, ...). */
public final class MalformedMessageException extends IOException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}

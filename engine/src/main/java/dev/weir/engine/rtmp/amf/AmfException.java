package dev.weir.engine.rtmp.amf;

import java.io.IOException;

/** The bytes are not valid AMF (unknown marker, truncated value, bad reference). */
public final class AmfException extends IOException {
    public AmfException(String message) {
        super(message);
    }
}

package dev.weir.engine.rtmp.amf;

/** AMF's {@code undefined}, distinct from {@code null} (which decodes to Java {@code null}). */
public enum AmfUndefined {
    INSTANCE
}

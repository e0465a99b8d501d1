package dev.weir.engine.stats;

/** Transport protocol of a listener, stream or connection. */
public enum Protocol {
    RTMP, RTMPS, SRT
}

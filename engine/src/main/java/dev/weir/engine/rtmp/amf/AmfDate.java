package dev.weir.engine.rtmp.amf;

/**
 * An AMF date: milliseconds since the epoch (UTC) as a double, plus AMF0's time-zone field, which the
 * spec says must be 0 and which readers ignore.
 */
public record AmfDate(double epochMillis, short timeZone) {}

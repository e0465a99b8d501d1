package dev.weir.engine.rtmp.amf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AMF0 ECMA array (associative array, marker 0x08): kept apart from a plain object because
 * {@code onMetaData} is conventionally one, and players look for that shape.
 */
public record AmfEcmaArray(Map<String, Object> entries) {
    public AmfEcmaArray {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}

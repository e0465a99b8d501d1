package dev.weir.engine.rtmp.amf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An object that names its class (AMF0 marker 0x10, or an AMF3 object with a class name). */
public record AmfTypedObject(String className, Map<String, Object> properties) {
    public AmfTypedObject {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}

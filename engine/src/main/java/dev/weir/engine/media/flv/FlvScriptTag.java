package dev.weir.engine.media.flv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An FLV script data tag (an RTMP data message): a name such as {@code onMetaData} followed by AMF0 values.
 * Only what the engine reads from publishers is decoded: the name and the properties of the object or ECMA
 * array after it. Numbers become {@link Double}, booleans {@link Boolean}, strings {@link String}, nested
 * objects {@link Map} and strict arrays {@link List}; null, undefined and unsupported values become {@code null}.
 *
 * <p>Encoders talking RTMP wrap the metadata as {@code @setDataFrame("onMetaData", {...})}; {@link #parse}
 * unwraps that and reports {@code onMetaData} as the name, and {@link #setDataFramePrefixLength} tells the hub
 * how many bytes to cut to forward the metadata the way players expect it.
 *
 * @param name       the first value of the tag (its handler name)
 * @param properties the properties of the object after the name; empty when there is none
 */
public record FlvScriptTag(String name, Map<String, Object> properties) {

    public static final String ON_METADATA = "onMetaData";
    public static final String SET_DATA_FRAME = "@setDataFrame";

    private static final int MAX_DEPTH = 16;
    private static final int STRING = 0x02;

    public FlvScriptTag {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A property as a number, or {@code 0} when missing or not a number. */
    public double number(String property) {
        return properties.get(property) instanceof Double d ? d : 0;
    }

    /** A property as text, or {@code null} when missing or not a string. */
    public String text(String property) {
        return properties.get(property) instanceof String s ? s : null;
    }

    public static FlvScriptTag parse(byte[] body) throws FlvFormatException {
        Amf0Cursor in = new Amf0Cursor(body, setDataFramePrefixLength(body));
        Object name = in.value(0);
        if (!(name instanceof String s)) throw new FlvFormatException("script tag does not start with a name string");
        Map<String, Object> properties = Map.of();
        if (in.hasMore()) {
            Object next = in.value(0);
            if (next instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked") Map<String, Object> typed = (Map<String, Object>) m;
                properties = typed;
            }
        }
        return new FlvScriptTag(s, properties);
    }

    /**
     * The name of a script tag (its first AMF0 string) without decoding the rest, or {@code null} when the body
     * does not start with a string. {@code @setDataFrame} is reported as such, not unwrapped.
     */
    public static String nameOf(byte[] body) {
        if (body.length < 3 || body[0] != STRING) return null;
        int length = ((body[1] & 0xFF) << 8) | (body[2] & 0xFF);
        if (3 + length > body.length) return null;
        return new String(body, 3, length, StandardCharsets.UTF_8);
    }

    /**
     * Bytes of a leading {@code @setDataFrame} string (the AMF0 string marker, length and text), or 0 when the
     * body does not start with one. Cutting them leaves {@code "onMetaData", {...}} as players expect it.
     */
    public static int setDataFramePrefixLength(byte[] body) {
        int prefix = 3 + SET_DATA_FRAME.length();
        if (body.length < prefix || body[0] != STRING || body[1] != 0 || body[2] != SET_DATA_FRAME.length()) return 0;
        for (int i = 0; i < SET_DATA_FRAME.length(); i++) {
            if (body[3 + i] != SET_DATA_FRAME.charAt(i)) return 0;
        }
        return prefix;
    }

    /** Reads AMF0 values from a byte array, refusing anything that runs past its end or nests too deep. */
    private static final class Amf0Cursor {
        private final byte[] b;
        private int pos;

        Amf0Cursor(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        boolean hasMore() {
            return pos < b.length;
        }

        Object value(int depth) throws FlvFormatException {
            if (depth > MAX_DEPTH) throw new FlvFormatException("script tag nests deeper than " + MAX_DEPTH + " levels");
            int marker = u8();
            return switch (marker) {
                case 0x00 -> Double.longBitsToDouble(u64());
                case 0x01 -> u8() != 0;
                case 0x02 -> string(u16());
                case 0x03 -> properties(depth);
                case 0x05, 0x06, 0x0D -> null;
                case 0x07 -> {
                    u16(); // a reference to an earlier complex value; metadata never uses them
                    yield null;
                }
                case 0x08 -> {
                    u32(); // the count is a hint only; the properties end with an object-end marker
                    yield properties(depth);
                }
                case 0x0A -> array(depth);
                case 0x0B -> {
                    double millis = Double.longBitsToDouble(u64());
                    u16(); // time zone, reserved
                    yield millis;
                }
                case 0x0C, 0x0F -> string(u32());
                case 0x10 -> {
                    string(u16()); // class name of a typed object
                    yield properties(depth);
                }
                default -> throw new FlvFormatException("script tag has unknown AMF0 marker " + marker + " at byte " + (pos - 1));
            };
        }

        private Map<String, Object> properties(int depth) throws FlvFormatException {
            Map<String, Object> map = new LinkedHashMap<>();
            while (true) {
                String key = string(u16());
                if (key.isEmpty() && pos < b.length && b[pos] == 0x09) {
                    pos++;
                    return map;
                }
                map.put(key, value(depth + 1));
            }
        }

        private List<Object> array(int depth) throws FlvFormatException {
            long count = u32();
            if (count > b.length - pos) throw new FlvFormatException("script tag array of " + count + " values is longer than the tag");
            List<Object> list = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) list.add(value(depth + 1));
            return list;
        }

        private String string(long length) throws FlvFormatException {
            need(length);
            String s = new String(b, pos, (int) length, StandardCharsets.UTF_8);
            pos += (int) length;
            return s;
        }

        private int u8() throws FlvFormatException {
            need(1);
            return b[pos++] & 0xFF;
        }

        private int u16() throws FlvFormatException {
            return (u8() << 8) | u8();
        }

        private long u32() throws FlvFormatException {
            return ((long) u16() << 16) | u16();
        }

        private long u64() throws FlvFormatException {
            return (u32() << 32) | u32();
        }

        private void need(long n) throws FlvFormatException {
            if (n > b.length - pos) throw new FlvFormatException("script tag ends in the middle of a value at byte " + pos);
        }
    }
}

package dev.weir.engine.rtmp.amf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes AMF0 values (the inverse of {@link Amf0Decoder}, without references). Accepts any {@link Number}
 * (written as a double), {@link Boolean}, {@link CharSequence} (string, or long string above 65535 UTF-8 bytes),
 * {@code Map<String,?>} (object), {@link AmfEcmaArray}, {@link List} (strict array), {@code null},
 * {@link AmfUndefined}, {@link AmfDate} and {@link AmfTypedObject}.
 */
public final class Amf0Encoder {
    private byte[] buffer = new byte[256];
    private int size;

    public Amf0Encoder write(Object value) {
        switch (value) {
            case null -> u8(Amf0.NULL);
            case Number n -> {
                u8(Amf0.NUMBER);
                u64(Double.doubleToLongBits(n.doubleValue()));
            }
            case Boolean b -> {
                u8(Amf0.BOOLEAN);
                u8(b ? 1 : 0);
            }
            case CharSequence s -> {
                byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
                if (utf8.length <= 0xFFFF) {
                    u8(Amf0.STRING);
                    u16(utf8.length);
                } else {
                    u8(Amf0.LONG_STRING);
                    u32(utf8.length);
                }
                bytes(utf8);
            }
            case AmfUndefined u -> u8(Amf0.UNDEFINED);
            case AmfEcmaArray a -> {
                u8(Amf0.ECMA_ARRAY);
                u32(a.entries().size());
                properties(a.entries());
            }
            case AmfTypedObject t -> {
                u8(Amf0.TYPED_OBJECT);
                shortString(t.className());
                properties(t.properties());
            }
            case AmfDate d -> {
                u8(Amf0.DATE);
                u64(Double.doubleToLongBits(d.epochMillis()));
                u16(d.timeZone() & 0xFFFF);
            }
            case Map<?, ?> m -> {
                u8(Amf0.OBJECT);
                properties(m);
            }
            case List<?> l -> {
                u8(Amf0.STRICT_ARRAY);
                u32(l.size());
                for (Object item : l) {
                    write(item);
                }
            }
            default -> throw new IllegalArgumentException("no AMF0 encoding for " + value.getClass().getName());
        }
        return this;
    }

    public Amf0Encoder writeAll(Object... values) {
        for (Object v : values) {
            write(v);
        }
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void properties(Map<?, ?> properties) {
        for (Map.Entry<?, ?> e : properties.entrySet()) {
            shortString(String.valueOf(e.getKey()));
            write(e.getValue());
        }
        u16(0);
        u8(Amf0.OBJECT_END);
    }

    private void shortString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("AMF0 property and class names are limited to 65535 bytes");
        }
        u16(utf8.length);
        bytes(utf8);
    }

    private void ensure(int n) {
        if (size + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
        }
    }

    private void u8(int v) {
        ensure(1);
        buffer[size++] = (byte) v;
    }

    private void u16(int v) {
        ensure(2);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }

    private void u32(long v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
    }

    private void u64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buffer, size, b.length);
        size += b.length;
    }
}

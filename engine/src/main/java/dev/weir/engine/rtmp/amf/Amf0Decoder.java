package dev.weir.engine.rtmp.amf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads AMF0 values from a byte range, one value per {@link #read()} call, into plain Java values:
 * number → {@link Double}, boolean → {@link Boolean}, string and long string and XML document → {@link String},
 * object → unmodifiable {@code Map<String,Object>} in wire order, null → {@code null},
 * undefined → {@link AmfUndefined}, ECMA array → {@link AmfEcmaArray}, strict array → {@code List<Object>},
 * date → {@link AmfDate}, typed object → {@link AmfTypedObject}; a reference resolves to the value it points at.
 * Marker 0x11 switches to AMF3 for one value ({@link Amf3Decoder}).
 *
 * <p>Input comes from the network: every length is checked against the bytes left, nesting is bounded and
 * anything malformed throws {@link AmfException}; nothing is allocated from a length before it is checked.
 */
public final class Amf0Decoder {
    /** Deeper nesting than this is refused: real metadata and commands nest two or three levels. */
    static final int MAX_DEPTH = 64;

    private final AmfCursor in;
    private int depth;
    /** Complex values in order of appearance, for 0x07 references (AMF0 spec 2.9). */
    private final List<Object> references = new ArrayList<>();

    public Amf0Decoder(byte[] data) {
        this(data, 0, data.length);
    }

    public Amf0Decoder(byte[] data, int offset, int length) {
        this.in = new AmfCursor(data, offset, length, "AMF0");
    }

    public boolean hasRemaining() {
        return in.remaining() > 0;
    }

    /** Offset of the next unread byte in the array given to the constructor. */
    public int position() {
        return in.position();
    }

    /** Reads one value. */
    public Object read() throws AmfException {
        int marker = in.u8();
        return readValue(marker);
    }

    /** Reads every value left. */
    public List<Object> readAll() throws AmfException {
        List<Object> values = new ArrayList<>();
        while (hasRemaining()) {
            values.add(read());
        }
        return values;
    }

    private Object readValue(int marker) throws AmfException {
        return switch (marker) {
            case Amf0.NUMBER -> Double.longBitsToDouble(in.u64());
            case Amf0.BOOLEAN -> in.u8() != 0;
            case Amf0.STRING -> in.utf8(in.u16());
            case Amf0.OBJECT -> nested(() -> readObjectBody());
            case Amf0.NULL -> null;
            case Amf0.UNDEFINED, Amf0.UNSUPPORTED -> AmfUndefined.INSTANCE;
            case Amf0.REFERENCE -> reference(in.u16());
            case Amf0.ECMA_ARRAY -> nested(() -> readEcmaArrayBody());
            case Amf0.OBJECT_END -> throw new AmfException("object-end marker outside an object at offset " + (in.position() - 1));
            case Amf0.STRICT_ARRAY -> nested(() -> readStrictArrayBody());
            case Amf0.DATE -> new AmfDate(Double.longBitsToDouble(in.u64()), (short) in.u16());
            case Amf0.LONG_STRING, Amf0.XML_DOCUMENT -> in.utf8(in.u32AsLength());
            case Amf0.TYPED_OBJECT -> nested(() -> readTypedObjectBody());
            case Amf0.AVMPLUS -> readAmf3();
            default -> throw new AmfException(String.format("unknown AMF0 marker 0x%02x at offset %d", marker, in.position() - 1));
        };
    }

    private interface Body {
        Object read() throws AmfException;
    }

    private Object nested(Body body) throws AmfException {
        if (++depth > MAX_DEPTH) {
            throw new AmfException("AMF0 values nest deeper than " + MAX_DEPTH);
        }
        try {
            return body.read();
        } finally {
            depth--;
        }
    }

    private Object readObjectBody() throws AmfException {
        int slot = reserveReference();
        Map<String, Object> properties = readProperties();
        Map<String, Object> object = Collections.unmodifiableMap(properties);
        references.set(slot, object);
        return object;
    }

    private Object readTypedObjectBody() throws AmfException {
        String className = in.utf8(in.u16());
        int slot = reserveReference();
        AmfTypedObject object = new AmfTypedObject(className, readProperties());
        references.set(slot, object);
        return object;
    }

    private Object readEcmaArrayBody() throws AmfException {
        in.u32AsLength(); // associative count: a hint only, encoders disagree on it, the end marker is what counts
        int slot = reserveReference();
        AmfEcmaArray array = new AmfEcmaArray(readProperties());
        references.set(slot, array);
        return array;
    }

    private Object readStrictArrayBody() throws AmfException {
        int count = in.u32AsLength();
        if (count > in.remaining()) { // every value takes at least its one marker byte
            throw new AmfException("strict array claims " + count + " values but only " + in.remaining() + " bytes are left");
        }
        int slot = reserveReference();
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(read());
        }
        List<Object> array = Collections.unmodifiableList(values);
        references.set(slot, array);
        return array;
    }

    /** Name/value pairs up to the empty name + 0x09 end marker. A missing end marker at end of input is tolerated. */
    private Map<String, Object> readProperties() throws AmfException {
        Map<String, Object> properties = new LinkedHashMap<>();
        while (true) {
            if (in.remaining() == 0) {
                return properties; // some encoders (old FMLE) end metadata without the end marker
            }
            String name = in.utf8(in.u16());
            int marker = in.u8();
            if (name.isEmpty() && marker == Amf0.OBJECT_END) {
                return properties;
            }
            properties.put(name, readValue(marker));
        }
    }

    private int reserveReference() {
        references.add(null);
        return references.size() - 1;
    }

    private Object reference(int index) throws AmfException {
        if (index >= references.size()) {
            throw new AmfException("reference " + index + " points past the " + references.size() + " objects read so far");
        }
        Object target = references.get(index);
        if (target == null) {
            throw new AmfException("reference " + index + " points at an object that is still being read");
        }
        return target;
    }

    private Object readAmf3() throws AmfException {
        // Each switched value gets fresh AMF3 reference tables: what Flash Player writes never refers across them.
        return new Amf3Decoder(in).read();
    }
}

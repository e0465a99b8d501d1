package dev.weir.engine.rtmp.amf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads AMF3 values (AMF3 specification, section 3) as sent by Flash-era clients in AMF3 commands
 * (message type 17) and behind AMF0's 0x11 switch marker. Maps to the same Java values as {@link Amf0Decoder}:
 * undefined → {@link AmfUndefined}, null → {@code null}, false/true → {@link Boolean}, integer → {@link Integer},
 * double → {@link Double}, string and XML → {@link String}, date → {@link AmfDate}, array → {@code List<Object>}
 * (dense only) or {@link AmfEcmaArray} (with associative part; dense entries keyed "0", "1", ...),
 * anonymous object → {@code Map<String,Object>}, object with a class name → {@link AmfTypedObject},
 * byte array → {@code byte[]}. Externalizable objects, vectors and dictionaries are refused: no RTMP client
 * puts them in a command, and decoding them needs class-specific code.
 *
 * <p>String, object and trait reference tables are kept per decoder instance.
 */
public final class Amf3Decoder {
    public static final int UNDEFINED = 0x00;
    public static final int NULL = 0x01;
    public static final int FALSE = 0x02;
    public static final int TRUE = 0x03;
    public static final int INTEGER = 0x04;
    public static final int DOUBLE = 0x05;
    public static final int STRING = 0x06;
    public static final int XML_DOC = 0x07;
    public static final int DATE = 0x08;
    public static final int ARRAY = 0x09;
    public static final int OBJECT = 0x0A;
    public static final int XML = 0x0B;
    public static final int BYTE_ARRAY = 0x0C;

    private final AmfCursor in;
    private int depth;
    private final List<String> strings = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();
    private final List<Traits> traits = new ArrayList<>();

    private record Traits(String className, List<String> sealedNames, boolean dynamic) {}

    public Amf3Decoder(byte[] data) {
        this(data, 0, data.length);
    }

    public Amf3Decoder(byte[] data, int offset, int length) {
        this(new AmfCursor(data, offset, length, "AMF3"));
    }

    /** Reads from where an AMF0 decoder stands (its 0x11 switch), moving it on. */
    Amf3Decoder(AmfCursor in) {
        this.in = in;
    }

    public boolean hasRemaining() {
        return in.remaining() > 0;
    }

    public int position() {
        return in.position();
    }

    public Object read() throws AmfException {
        if (++depth > Amf0Decoder.MAX_DEPTH) {
            throw new AmfException("AMF3 values nest deeper than " + Amf0Decoder.MAX_DEPTH);
        }
        try {
            int marker = in.u8();
            return switch (marker) {
                case UNDEFINED -> AmfUndefined.INSTANCE;
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case INTEGER -> (u29() << 3) >> 3; // sign-extend the 29-bit integer
                case DOUBLE -> Double.longBitsToDouble(in.u64());
                case STRING -> readString();
                case XML_DOC, XML -> readXml();
                case DATE -> readDate();
                case ARRAY -> readArray();
                case OBJECT -> readObject();
                case BYTE_ARRAY -> readByteArray();
                default -> throw new AmfException(String.format(
                        "AMF3 marker 0x%02x at offset %d is not supported in RTMP commands", marker, in.position() - 1));
            };
        } finally {
            depth--;
        }
    }

    private String readString() throws AmfException {
        int header = u29();
        if ((header & 1) == 0) {
            return fromTable(strings, header >> 1, "string");
        }
        String s = in.utf8(header >> 1);
        if (!s.isEmpty()) {
            strings.add(s);
        }
        return s;
    }

    private String readXml() throws AmfException {
        int header = u29();
        if ((header & 1) == 0) {
            return String.valueOf(fromTable(objects, header >> 1, "object"));
        }
        String s = in.utf8(header >> 1);
        objects.add(s);
        return s;
    }

    private Object readDate() throws AmfException {
        int header = u29();
        if ((header & 1) == 0) {
            return fromTable(objects, header >> 1, "object");
        }
        AmfDate date = new AmfDate(Double.longBitsToDouble(in.u64()), (short) 0);
        objects.add(date);
        return date;
    }

    private Object readByteArray() throws AmfException {
        int header = u29();
        if ((header & 1) == 0) {
            return fromTable(objects, header >> 1, "object");
        }
        byte[] bytes = in.bytes(header >> 1);
        objects.add(bytes);
        return bytes;
    }

    private Object readArray() throws AmfException {
        int header = u29();
        if ((header & 1) == 0) {
            return fromTable(objects, header >> 1, "object");
        }
        int denseCount = header >> 1;
        if (denseCount > in.remaining()) {
            throw new AmfException("AMF3 array claims " + denseCount + " values but only " + in.remaining() + " bytes are left");
        }
        int slot = reserve();
        Map<String, Object> associative = new LinkedHashMap<>();
        for (String name = readString(); !name.isEmpty(); name = readString()) {
            associative.put(name, read());
        }
        List<Object> dense = new ArrayList<>(denseCount);
        for (int i = 0; i < denseCount; i++) {
            dense.add(read());
        }
        Object array;
        if (associative.isEmpty()) {
            array = Collections.unmodifiableList(dense);
        } else {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < dense.size(); i++) {
                all.put(Integer.toString(i), dense.get(i));
            }
            all.putAll(associative);
            array = new AmfEcmaArray(all);
        }
        objects.set(slot, array);
        return array;
    }

    private Object readObject() throws AmfException {
        int header = u29();
        if ((header & 1) == 0) {
            return fromTable(objects, header >> 1, "object");
        }
        Traits t;
        if ((header & 2) == 0) {
            t = fromTable(traits, header >> 2, "traits");
        } else if ((header & 4) != 0) {
            throw new AmfException("externalizable AMF3 object at offset " + in.position() + " is not supported");
        } else {
            boolean dynamic = (header & 8) != 0;
            int sealedCount = header >> 4;
            if (sealedCount > in.remaining()) {
                throw new AmfException("AMF3 traits claim " + sealedCount + " members but only " + in.remaining() + " bytes are left");
            }
            String className = readString();
            List<String> names = new ArrayList<>(sealedCount);
            for (int i = 0; i < sealedCount; i++) {
                names.add(readString());
            }
            t = new Traits(className, List.copyOf(names), dynamic);
            traits.add(t);
        }
        int slot = reserve();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : t.sealedNames()) {
            properties.put(name, read());
        }
        if (t.dynamic()) {
            for (String name = readString(); !name.isEmpty(); name = readString()) {
                properties.put(name, read());
            }
        }
        Object object = t.className().isEmpty()
                ? Collections.unmodifiableMap(properties)
                : new AmfTypedObject(t.className(), properties);
        objects.set(slot, object);
        return object;
    }

    private int reserve() {
        objects.add(null);
        return objects.size() - 1;
    }

    private <T> T fromTable(List<T> table, int index, String what) throws AmfException {
        if (index >= table.size()) {
            throw new AmfException("AMF3 " + what + " reference " + index + " points past the " + table.size() + " read so far");
        }
        T value = table.get(index);
        if (value == null) {
            throw new AmfException("AMF3 " + what + " reference " + index + " points at a value still being read");
        }
        return value;
    }

    /** AMF3's variable-length unsigned 29-bit integer: 7 bits per byte for three bytes, then 8 bits. */
    private int u29() throws AmfException {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            int b = in.u8();
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return (value << 8) | in.u8();
    }
}

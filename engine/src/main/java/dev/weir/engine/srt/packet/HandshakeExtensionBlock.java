package dev.weir.engine.srt.packet;

import java.util.Arrays;
import java.util.Objects;

/**
 * One extension block after the fixed handshake CIF (HSv5): a 16-bit type, a 16-bit length in 32-bit words,
 * then the content. The content stays raw here; {@code dev.weir.engine.srt.handshake} gives it meaning (HSREQ,
 * KMREQ, stream id...), so unknown block types pass through untouched.
 */
public record HandshakeExtensionBlock(int type, byte[] content) {

    public static final int HSREQ = 1;
    public static final int HSRSP = 2;
    public static final int KMREQ = 3;
    public static final int KMRSP = 4;
    public static final int SID = 5;
    public static final int CONGESTION = 6;
    public static final int FILTER = 7;
    public static final int GROUP = 8;

    public HandshakeExtensionBlock {
        Objects.requireNonNull(content, "content");
        if ((type & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("extension type is 16-bit: " + type);
        }
        if (content.length % 4 != 0 || content.length / 4 > 0xFFFF) {
            throw new IllegalArgumentException("extension content is whole 32-bit words, got " + content.length);
        }
    }

    /** Bytes on the wire including the 4-byte block header. */
    public int encodedLength() {
        return 4 + content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeExtensionBlock b && type == b.type && Arrays.equals(content, b.content);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "HandshakeExtensionBlock[type=" + type + ", " + content.length + " bytes]";
    }
}

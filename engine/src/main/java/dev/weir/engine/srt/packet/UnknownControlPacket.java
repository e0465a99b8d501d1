package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A control packet of a type this stack does not know. Decoded (not rejected) so a newer peer's additions are
 * ignored rather than treated as garbage, as libsrt does.
 */
public record UnknownControlPacket(int type, int subtype, int typeSpecific, byte[] body, int timestamp,
                                   int destinationSocketId) implements ControlPacket {

    public UnknownControlPacket {
        Objects.requireNonNull(body, "body");
    }

    @Override
    public int controlType() {
        return type;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + body.length;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, type, subtype, typeSpecific, timestamp, destinationSocketId);
        out.put(body);
    }

    static UnknownControlPacket decode(ByteBuffer in, int type, int subtype, int typeSpecific, int timestamp,
                                       int dest, int cifLength) {
        byte[] body = new byte[cifLength];
        in.get(in.position() + HEADER_SIZE, body);
        return new UnknownControlPacket(type, subtype, typeSpecific, body, timestamp, dest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownControlPacket u && type == u.type && subtype == u.subtype
                && typeSpecific == u.typeSpecific && timestamp == u.timestamp
                && destinationSocketId == u.destinationSocketId && Arrays.equals(body, u.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, subtype, typeSpecific, timestamp, destinationSocketId) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownControlPacket[type=0x" + Integer.toHexString(type) + ", subtype=" + subtype + ", "
                + body.length + " bytes]";
    }
}

package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * User-defined control packet (type 0x7FFF, libsrt's UMSG_EXT). libsrt uses it for SRT extension messages after
 * the handshake: subtype 3/4 carry an in-band KMREQ/KMRSP (key refresh), subtype 1/2 the HSv4 HSREQ/HSRSP.
 * The body is kept raw; the handshake and crypto layers interpret it.
 */
public record UserDefinedPacket(int subtype, int typeSpecific, byte[] body, int timestamp, int destinationSocketId)
        implements ControlPacket {

    public static final int SUBTYPE_HSREQ = 1;
    public static final int SUBTYPE_HSRSP = 2;
    public static final int SUBTYPE_KMREQ = 3;
    public static final int SUBTYPE_KMRSP = 4;

    public UserDefinedPacket {
        Objects.requireNonNull(body, "body");
        if ((subtype & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("subtype is 16-bit: " + subtype);
        }
    }

    @Override
    public int controlType() {
        return TYPE_USER_DEFINED;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + body.length;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_USER_DEFINED, subtype, typeSpecific, timestamp, destinationSocketId);
        out.put(body);
    }

    static UserDefinedPacket decode(ByteBuffer in, int subtype, int typeSpecific, int timestamp, int dest,
                                    int cifLength) {
        byte[] body = new byte[cifLength];
        in.get(in.position() + HEADER_SIZE, body);
        return new UserDefinedPacket(subtype, typeSpecific, body, timestamp, dest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserDefinedPacket u && subtype == u.subtype && typeSpecific == u.typeSpecific
                && timestamp == u.timestamp && destinationSocketId == u.destinationSocketId
                && Arrays.equals(body, u.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtype, typeSpecific, timestamp, destinationSocketId) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UserDefinedPacket[subtype=" + subtype + ", " + body.length + " bytes, ts="
                + Integer.toUnsignedString(timestamp) + ", dest=0x" + Integer.toHexString(destinationSocketId) + "]";
    }
}

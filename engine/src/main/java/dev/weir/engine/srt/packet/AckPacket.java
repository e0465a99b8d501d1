package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * ACK (type 2). The type-specific word is the ACK number (0 for a light ACK); the CIF starts with the
 * acknowledged sequence number: the first one <em>not</em> yet received (every earlier packet arrived).
 *
 * <p>Three sizes exist on the wire, and libsrt tells them apart by CIF length alone:
 * <ul>
 *   <li>{@link Kind#LIGHT}: 4 bytes, the sequence number only (sent every 64 packets at high rates);</li>
 *   <li>{@link Kind#SMALL}: 16 bytes, sequence number, RTT, RTT variance, available buffer;</li>
 *   <li>{@link Kind#FULL}: 28 bytes, adding packets receiving rate (packets/s), estimated link capacity
 *       (packets/s) and receiving rate (bytes/s). Peers older than libsrt 1.0.2 send 24 bytes (no receiving rate),
 *       decoded as FULL with a zero rate; a 32-byte form with a trailing legacy "XMRATE" word is also accepted.</li>
 * </ul>
 * RTT and its variance are in microseconds, the available buffer in packets.
 */
public record AckPacket(int ackNumber, Kind kind, int lastAcknowledged, int rttMicros, int rttVarianceMicros,
                        int availableBufferPackets, int packetsReceivingRate, int estimatedLinkCapacity,
                        int receivingRateBytes, int timestamp, int destinationSocketId) implements ControlPacket {

    public enum Kind {
        LIGHT(4), SMALL(16), FULL(28);

        final int cifSize;

        Kind(int cifSize) {
            this.cifSize = cifSize;
        }
    }

    public AckPacket {
        Objects.requireNonNull(kind, "kind");
        if (!SeqNo.isValid(lastAcknowledged)) {
            throw new IllegalArgumentException("acknowledged sequence number is 31-bit: " + lastAcknowledged);
        }
    }

    /** A light ACK: sequence number only. */
    public static AckPacket light(int lastAcknowledged, int timestamp, int dest) {
        return new AckPacket(0, Kind.LIGHT, lastAcknowledged, 0, 0, 0, 0, 0, 0, timestamp, dest);
    }

    /** A full ACK with every statistic. */
    public static AckPacket full(int ackNumber, int lastAcknowledged, int rttMicros, int rttVarianceMicros,
                                 int availableBufferPackets, int packetsReceivingRate, int estimatedLinkCapacity,
                                 int receivingRateBytes, int timestamp, int dest) {
        return new AckPacket(ackNumber, Kind.FULL, lastAcknowledged, rttMicros, rttVarianceMicros,
                availableBufferPackets, packetsReceivingRate, estimatedLinkCapacity, receivingRateBytes, timestamp,
                dest);
    }

    @Override
    public int controlType() {
        return TYPE_ACK;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + kind.cifSize;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_ACK, 0, ackNumber, timestamp, destinationSocketId);
        out.putInt(lastAcknowledged);
        if (kind == Kind.LIGHT) {
            return;
        }
        out.putInt(rttMicros);
        out.putInt(rttVarianceMicros);
        out.putInt(availableBufferPackets);
        if (kind == Kind.SMALL) {
            return;
        }
        out.putInt(packetsReceivingRate);
        out.putInt(estimatedLinkCapacity);
        out.putInt(receivingRateBytes);
    }

    static AckPacket decode(ByteBuffer in, int typeSpecific, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        Kind kind = switch (cifLength) {
            case 4 -> Kind.LIGHT;
            case 16 -> Kind.SMALL;
            case 24, 28, 32 -> Kind.FULL;
            default -> throw new MalformedPacketException(
                    "ACK CIF must be 4, 16, 24, 28 or 32 bytes, got " + cifLength);
        };
        int base = in.position() + HEADER_SIZE;
        int seq = in.getInt(base);
        MalformedPacketException.require(SeqNo.isValid(seq), "ACK sequence number has its top bit set");
        int[] w = new int[7];
        for (int i = 1; i < Math.min(7, cifLength / 4); i++) {
            w[i] = in.getInt(base + 4 * i);
        }
        return new AckPacket(typeSpecific, kind, seq, w[1], w[2], w[3], w[4], w[5], w[6], timestamp, dest);
    }
}

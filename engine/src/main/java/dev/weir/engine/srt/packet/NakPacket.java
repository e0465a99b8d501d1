package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * NAK (type 3): the receiver's loss list. Each lost packet is one 32-bit word with the top bit clear; a run of
 * lost packets is two words, the first with its top bit set (range start) and the second the last lost number.
 * libsrt also sends "periodic NAK" reports of the whole list with this same packet.
 */
public record NakPacket(List<SeqRange> losses, int timestamp, int destinationSocketId) implements ControlPacket {

    private static final int RANGE_START = 0x8000_0000;

    public NakPacket {
        losses = List.copyOf(losses);
        if (losses.isEmpty()) {
            throw new IllegalArgumentException("a NAK reports at least one loss");
        }
    }

    @Override
    public int controlType() {
        return TYPE_NAK;
    }

    @Override
    public int encodedLength() {
        int words = 0;
        for (SeqRange r : losses) {
            words += r.isSingle() ? 1 : 2;
        }
        return HEADER_SIZE + 4 * words;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_NAK, 0, 0, timestamp, destinationSocketId);
        for (SeqRange r : losses) {
            if (r.isSingle()) {
                out.putInt(r.first());
            } else {
                out.putInt(RANGE_START | r.first());
                out.putInt(r.last());
            }
        }
    }

    /** Number of lost packets the report covers. */
    public long lostPackets() {
        long n = 0;
        for (SeqRange r : losses) {
            n += r.length();
        }
        return n;
    }

    static NakPacket decode(ByteBuffer in, int timestamp, int dest, int cifLength) throws MalformedPacketException {
        MalformedPacketException.require(cifLength >= 4 && cifLength % 4 == 0,
                "NAK CIF must be a non-empty list of 32-bit words, got " + cifLength + " bytes");
        int base = in.position() + HEADER_SIZE;
        int words = cifLength / 4;
        List<SeqRange> losses = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            int word = in.getInt(base + 4 * i);
            if ((word & RANGE_START) == 0) {
                losses.add(SeqRange.single(word));
                continue;
            }
            MalformedPacketException.require(i + 1 < words, "NAK range start without its end at word " + i);
            int last = in.getInt(base + 4 * ++i);
            MalformedPacketException.require((last & RANGE_START) == 0, "NAK range end has its top bit set");
            losses.add(PacketCodec.range(word & SeqNo.MAX, last, "NAK"));
        }
        return new NakPacket(losses, timestamp, dest);
    }
}

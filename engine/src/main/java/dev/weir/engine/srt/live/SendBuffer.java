package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.PacketPosition;
import dev.weir.engine.srt.packet.SeqNo;

/**
 * The sender's packets from the oldest unacknowledged one on: a ring of {@code capacity} entries, entry 0 holding
 * {@link #firstSeq()}. Entries keep the packet as sent (already encrypted), when the application handed it over
 * (origin time, for the too-late drop) and when it was last retransmitted (libsrt's retransmission pacing).
 * Packets live in holders from a {@link HolderPool}: appending copies the message into a spare holder, removing
 * gives the holder back, so the steady state allocates nothing.
 */
final class SendBuffer {

    private final DataPacketHolder[] packets;
    private final HolderPool pool;
    private final long[] originMicros;
    private final long[] lastRetransmitMicros;
    private final byte[] retransmissions;
    private int firstSeq;
    private int head;
    private int count;
    private long bytes;

    SendBuffer(int capacity, int initialSeq, int payloadCapacity) {
        packets = new DataPacketHolder[capacity];
        pool = new HolderPool(payloadCapacity);
        originMicros = new long[capacity];
        lastRetransmitMicros = new long[capacity];
        retransmissions = new byte[capacity];
        firstSeq = initialSeq;
    }

    int capacity() {
        return packets.length;
    }

    int count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    boolean isFull() {
        return count == packets.length;
    }

    int firstSeq() {
        return firstSeq;
    }

    /** Sequence number the next appended packet must have. */
    int endSeq() {
        return SeqNo.add(firstSeq, count);
    }

    /**
     * Appends an entry (header fields as given, payload copied in) and returns its holder, which the caller may still
     * change in place before anything is sent (encryption).
     */
    DataPacketHolder append(int messageNumber, KeyFlags key, int timestamp, int destinationSocketId, byte[] payload,
                            int offset, int length, long origin) {
        if (isFull()) {
            throw new IllegalStateException("send buffer full");
        }
        DataPacketHolder p = pool.take();
        p.setHeader(endSeq(), PacketPosition.SOLO, false, key, false, messageNumber, timestamp, destinationSocketId);
        p.setPayload(payload, offset, length);
        int i = index(count);
        packets[i] = p;
        originMicros[i] = origin;
        lastRetransmitMicros[i] = Long.MIN_VALUE;
        retransmissions[i] = 0;
        count++;
        bytes += length;
        return p;
    }

    /** Offset of {@code seq} from the first entry; in [0, count) when held. */
    int offsetOf(int seq) {
        return SeqNo.offset(firstSeq, seq);
    }

    DataPacketHolder at(int offset) {
        return packets[index(offset)];
    }

    long originAt(int offset) {
        return originMicros[index(offset)];
    }

    long lastRetransmitAt(int offset) {
        return lastRetransmitMicros[index(offset)];
    }

    /** Records a retransmission; returns how many the entry has had, this one included (at most 127). */
    int markRetransmitted(int offset, long now) {
        int i = index(offset);
        lastRetransmitMicros[i] = now;
        if (retransmissions[i] < Byte.MAX_VALUE) {
            retransmissions[i]++;
        }
        return retransmissions[i];
    }

    /** Removes the first entry and returns its payload length (its holder goes back to the pool). */
    int removeFirst() {
        DataPacketHolder p = packets[head];
        packets[head] = null;
        head = (head + 1) % packets.length;
        firstSeq = SeqNo.next(firstSeq);
        count--;
        int length = p.payloadLength();
        bytes -= length;
        pool.give(p);
        return length;
    }

    private int index(int offset) {
        return (head + offset) % packets.length;
    }
}

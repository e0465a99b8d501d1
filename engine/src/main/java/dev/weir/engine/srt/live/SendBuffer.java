package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.SeqNo;

/**
 * The sender's packets from the oldest unacknowledged one on: a ring of {@code capacity} entries, entry 0 holding
 * {@link #firstSeq()}. Entries keep the packet as sent (already encrypted), when the application handed it over
 * (origin time, for the too-late drop) and when it was last retransmitted (libsrt's retransmission pacing).
 */
final class SendBuffer {

    private final DataPacket[] packets;
    private final long[] originMicros;
    private final long[] lastRetransmitMicros;
    private int firstSeq;
    private int head;
    private int count;
    private long bytes;

    SendBuffer(int capacity, int initialSeq) {
        packets = new DataPacket[capacity];
        originMicros = new long[capacity];
        lastRetransmitMicros = new long[capacity];
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

    void append(DataPacket p, long origin) {
        if (isFull()) {
            throw new IllegalStateException("send buffer full");
        }
        int i = index(count);
        packets[i] = p;
        originMicros[i] = origin;
        lastRetransmitMicros[i] = Long.MIN_VALUE;
        count++;
        bytes += p.payload().length;
    }

    /** Offset of {@code seq} from the first entry; in [0, count) when held. */
    int offsetOf(int seq) {
        return SeqNo.offset(firstSeq, seq);
    }

    DataPacket at(int offset) {
        return packets[index(offset)];
    }

    long originAt(int offset) {
        return originMicros[index(offset)];
    }

    long lastRetransmitAt(int offset) {
        return lastRetransmitMicros[index(offset)];
    }

    void markRetransmitted(int offset, long now) {
        lastRetransmitMicros[index(offset)] = now;
    }

    /** Removes the first entry. */
    DataPacket removeFirst() {
        DataPacket p = packets[head];
        packets[head] = null;
        head = (head + 1) % packets.length;
        firstSeq = SeqNo.next(firstSeq);
        count--;
        bytes -= p.payload().length;
        return p;
    }

    private int index(int offset) {
        return (head + offset) % packets.length;
    }
}

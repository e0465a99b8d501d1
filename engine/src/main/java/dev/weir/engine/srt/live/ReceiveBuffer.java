package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.SeqNo;

/**
 * The receiver's window of packets not yet delivered: a ring of {@code capacity} slots, slot 0 holding the next
 * sequence number to deliver ({@link #startSeq()}). A slot is empty (not received), filled, or dropped (the sender
 * asked us to stop waiting for it). Positions are offsets from the start, so the 31-bit wrap never shows.
 * A stored packet is a copy in a holder from a {@link HolderPool}, given back when its slot is popped: the caller's
 * holder (the socket's receive holder) is free again as soon as {@link #insert} returns.
 */
final class ReceiveBuffer {

    enum Insert { STORED, DUPLICATE, BELATED, OVERFLOW }

    private final DataPacketHolder[] packets;
    private final HolderPool pool;
    private final boolean[] dropped;
    private int startSeq;
    private int head;
    /** Offset one past the furthest slot ever filled or dropped (0 when the window is empty). */
    private int span;
    private int held;
    private long heldBytes;

    ReceiveBuffer(int capacity, int initialSeq, int payloadCapacity) {
        this.packets = new DataPacketHolder[capacity];
        this.pool = new HolderPool(payloadCapacity);
        this.dropped = new boolean[capacity];
        this.startSeq = initialSeq;
    }

    int capacity() {
        return packets.length;
    }

    int startSeq() {
        return startSeq;
    }

    /** Slots between the start and the furthest packet received (what the window currently spans). */
    int span() {
        return span;
    }

    /** Packets held (received, not yet delivered). */
    int held() {
        return held;
    }

    long heldBytes() {
        return heldBytes;
    }

    /** Free slots a sender may still fill: capacity minus what is spanned (libsrt's "available buffer"). */
    int available() {
        return packets.length - span - 1;
    }

    int offsetOf(int seq) {
        return SeqNo.offset(startSeq, seq);
    }

    Insert insert(DataPacketHolder p) {
        int offset = offsetOf(p.sequenceNumber());
        if (offset < 0) {
            return Insert.BELATED;
        }
        if (offset >= packets.length) {
            return Insert.OVERFLOW;
        }
        int i = index(offset);
        if (packets[i] != null || dropped[i]) {
            return Insert.DUPLICATE;
        }
        DataPacketHolder copy = pool.take();
        copy.copyFrom(p);
        packets[i] = copy;
        held++;
        heldBytes += p.payloadLength();
        span = Math.max(span, offset + 1);
        return Insert.STORED;
    }

    /** The packet at {@code offset} from the start, or null when missing or dropped. */
    DataPacketHolder at(int offset) {
        return packets[index(offset)];
    }

    boolean isDropped(int offset) {
        return dropped[index(offset)];
    }

    /** Whether the slot at {@code offset} needs nothing more (filled or dropped). */
    boolean isSettled(int offset) {
        int i = index(offset);
        return packets[i] != null || dropped[i];
    }

    /** Marks {@code offset} as given up (drop request); returns false when it was already filled or dropped. */
    boolean markDropped(int offset) {
        if (offset < 0 || offset >= packets.length) {
            return false;
        }
        int i = index(offset);
        if (packets[i] != null || dropped[i]) {
            return false;
        }
        dropped[i] = true;
        span = Math.max(span, offset + 1);
        return true;
    }

    /** Offset of the first filled slot, or -1 when none is held. */
    int firstFilledOffset() {
        return firstFilledOffset(0);
    }

    /** Offset of the first filled slot at or after {@code from}, or -1 when there is none. */
    int firstFilledOffset(int from) {
        if (held == 0) {
            return -1;
        }
        for (int k = Math.max(0, from); k < span; k++) {
            if (packets[index(k)] != null) {
                return k;
            }
        }
        return -1;
    }

    /** Offset of the first slot that is neither filled nor dropped (the ACK point), at most {@link #span()}. */
    int firstUnsettledOffset(int from) {
        for (int k = from; k < span; k++) {
            if (!isSettled(k)) {
                return k;
            }
        }
        return span;
    }

    /**
     * Removes the slot at the start (delivered, skipped or dropped) and moves the start on by one. A packet held there
     * goes back to the pool: read it before popping.
     */
    void pop() {
        DataPacketHolder p = packets[head];
        if (p != null) {
            held--;
            heldBytes -= p.payloadLength();
            pool.give(p);
        }
        packets[head] = null;
        dropped[head] = false;
        head = (head + 1) % packets.length;
        startSeq = SeqNo.next(startSeq);
        if (span > 0) {
            span--;
        }
    }

    private int index(int offset) {
        return (head + offset) % packets.length;
    }
}

package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.DataPacketHolder;
import java.util.Arrays;

/**
 * Spare {@link DataPacketHolder}s for one buffer (send or receive window). A buffer takes a holder when a packet
 * enters and gives it back when the packet leaves, so the steady state reuses holders instead of allocating a packet
 * and a payload array each time; the pool grows only to the largest number of packets ever held at once (memory
 * follows the traffic rather than the configured window, which can be 8192 packets). Not thread-safe: its buffer's
 * owner serialises calls.
 */
final class HolderPool {

    private final int payloadCapacity;
    private DataPacketHolder[] spare = new DataPacketHolder[16];
    private int count;

    HolderPool(int payloadCapacity) {
        this.payloadCapacity = payloadCapacity;
    }

    DataPacketHolder take() {
        if (count == 0) {
            return new DataPacketHolder(payloadCapacity);
        }
        DataPacketHolder h = spare[--count];
        spare[count] = null;
        return h;
    }

    void give(DataPacketHolder h) {
        if (count == spare.length) {
            spare = Arrays.copyOf(spare, count * 2);
        }
        spare[count++] = h;
    }
}

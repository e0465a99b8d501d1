package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DataPacketHolder;
import java.util.function.Consumer;

/** Where the receiver hands each message at its TSBPD time, in order. */
@FunctionalInterface
public interface Delivery {

    /** One delivered packet, valid only during the call: its holder goes back to the receive buffer's pool after. */
    void deliver(DataPacketHolder packet);

    /** Delivers copies as records (tests and simulations; allocates per packet). */
    static Delivery asRecords(Consumer<DataPacket> consumer) {
        return packet -> consumer.accept(packet.toRecord());
    }
}

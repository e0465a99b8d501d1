package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.SrtPacket;

/** Where an I/O-free protocol core puts the packets it wants sent; the socket layer encodes and sends them. */
@FunctionalInterface
public interface PacketSink {
    void send(SrtPacket packet);

    /**
     * A data packet from the sender's buffer, valid only during the call (the holder is reused). The socket layer
     * encodes it straight from the holder; this default turns it into a record, for tests and simulations.
     */
    default void sendData(DataPacketHolder packet) {
        send(packet.toRecord());
    }
}

package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.SrtPacket;

/** Where an I/O-free protocol core puts the packets it wants sent; the socket layer encodes and sends them. */
@FunctionalInterface
public interface PacketSink {
    void send(SrtPacket packet);
}

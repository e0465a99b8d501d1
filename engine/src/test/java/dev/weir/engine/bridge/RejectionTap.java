package dev.weir.engine.bridge;

import dev.weir.engine.srt.handshake.HandshakeType;
import dev.weir.engine.srt.handshake.RejectCode;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SrtPacket;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP relay between one SRT caller (a real peer) and Weir's listener that notes the rejection codes Weir sent
 * back, so a test can check the exact code the peer received (srt-live-transmit and ffmpeg 5.1 print only
 * "Application-defined rejection reason", not the number).
 */
final class RejectionTap implements AutoCloseable {
    private final DatagramSocket towardsCaller;
    private final DatagramSocket towardsWeir;
    private final InetSocketAddress weir;
    private final List<Integer> codes = new CopyOnWriteArrayList<>();
    private volatile SocketAddress caller;

    RejectionTap(InetSocketAddress weir) throws IOException {
        this.weir = weir;
        this.towardsCaller = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.towardsWeir = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().name("tap-up").start(this::up);
        Thread.ofVirtual().name("tap-down").start(this::down);
    }

    int port() {
        return towardsCaller.getLocalPort();
    }

    /** Rejection codes (1409, 1404, ...) in the handshakes Weir sent to the caller. */
    List<Integer> rejections() {
        return List.copyOf(codes);
    }

    private void up() {
        byte[] buf = new byte[2048];
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                towardsCaller.receive(p);
                caller = p.getSocketAddress();
                towardsWeir.send(new DatagramPacket(p.getData(), p.getLength(), weir));
            }
        } catch (IOException closed) {
            // relay closed
        }
    }

    private void down() {
        byte[] buf = new byte[2048];
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                towardsWeir.receive(p);
                note(p.getData(), p.getLength());
                SocketAddress to = caller;
                if (to != null) towardsCaller.send(new DatagramPacket(p.getData(), p.getLength(), to));
            }
        } catch (IOException closed) {
            // relay closed
        }
    }

    private void note(byte[] data, int length) {
        try {
            SrtPacket packet = PacketCodec.decode(data, 0, length);
            if (packet instanceof HandshakePacket hs && HandshakeType.isRejection(hs.handshakeType())) {
                codes.add(RejectCode.fromHandshakeType(hs.handshakeType()).value());
            }
        } catch (MalformedPacketException e) {
            // not ours to judge here
        }
    }

    @Override
    public void close() {
        towardsCaller.close();
        towardsWeir.close();
    }
}

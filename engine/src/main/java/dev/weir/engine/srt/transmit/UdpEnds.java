package dev.weir.engine.srt.transmit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/** A bound UDP socket as a source (one datagram = one message) and a UDP destination as a sink. */
final class UdpEnds {

    private UdpEnds() {
    }

    static MessageSource source(InetSocketAddress bind) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
        channel.bind(bind);
        // One direct buffer per end, reused: a wrapped heap array per datagram would allocate each time, and the
        // JDK copies heap buffers through a direct one anyway.
        ByteBuffer direct = ByteBuffer.allocateDirect(65_536);
        return new MessageSource() {
            @Override
            public int read(byte[] buffer) throws IOException {
                direct.clear();
                try {
                    channel.receive(direct);
                } catch (ClosedChannelException e) {
                    return -1;
                }
                int n = Math.min(direct.position(), buffer.length);
                direct.get(0, buffer, 0, n);
                return n;
            }

            @Override
            public void close() {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        };
    }

    static MessageSink sink(InetSocketAddress target) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        ByteBuffer direct = ByteBuffer.allocateDirect(65_536);
        return new MessageSink() {
            @Override
            public void write(byte[] buffer, int length) throws IOException {
                direct.clear();
                direct.put(buffer, 0, length).flip();
                channel.send(direct, target);
            }

            @Override
            public void close() {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        };
    }
}

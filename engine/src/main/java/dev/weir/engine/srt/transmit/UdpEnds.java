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
        return new MessageSource() {
            @Override
            public int read(byte[] buffer) throws IOException {
                ByteBuffer b = ByteBuffer.wrap(buffer);
                try {
                    channel.receive(b);
                } catch (ClosedChannelException e) {
                    return -1;
                }
                return b.position();
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
        return new MessageSink() {
            @Override
            public void write(byte[] buffer, int length) throws IOException {
                channel.send(ByteBuffer.wrap(buffer, 0, length), target);
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

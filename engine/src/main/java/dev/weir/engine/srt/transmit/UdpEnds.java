package dev.weir.engine.srt.transmit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/** A bound UDP socket as a source (one datagram = one message) and a UDP destination as a sink. */
final class UdpEnds {

    private UdpEnds() {
    }

    /**
     * How often the source looks for datagrams while a stream is flowing. A blocking receive would wake the thread
     * once per datagram (nearly 10 000 times a second at 100 Mbit/s, the larger part of the CPU a UDP-to-SRT relay
     * costs); looking every millisecond and taking everything that arrived meanwhile wakes it at most 1000 times a
     * second, for at most 1 ms of added jitter (SRT timestamps are taken when a message is read, and the receiver
     * plays them out at those times). srt-live-transmit does the same with a 10 ms period (libsrt's epoll waits
     * 10 ms between looks at system sockets); measured in docs/performance.md.
     */
    private static final long POLL_NANOS = 1_000_000;
    /** After this many empty looks (100 ms without input) the source blocks until the next datagram. */
    private static final int EMPTY_POLLS_BEFORE_BLOCKING = 100;

    static MessageSource source(InetSocketAddress bind) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
        channel.bind(bind);
        channel.configureBlocking(false);
        // One direct buffer per end, reused: a wrapped heap array per datagram would allocate each time, and the
        // JDK copies heap buffers through a direct one anyway.
        ByteBuffer direct = ByteBuffer.allocateDirect(65_536);
        return new MessageSource() {
            @Override
            public int read(byte[] buffer) throws IOException {
                int emptyPolls = 0;
                while (true) {
                    direct.clear();
                    SocketAddress from;
                    try {
                        if (emptyPolls >= EMPTY_POLLS_BEFORE_BLOCKING) {
                            channel.configureBlocking(true);
                            try {
                                from = channel.receive(direct);
                            } finally {
                                channel.configureBlocking(false);
                            }
                        } else {
                            from = channel.receive(direct);
                        }
                    } catch (ClosedChannelException e) {
                        return -1;
                    }
                    if (from != null) {
                        int n = Math.min(direct.position(), buffer.length);
                        direct.get(0, buffer, 0, n);
                        return n;
                    }
                    emptyPolls++;
                    LockSupport.parkNanos(POLL_NANOS);
                }
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

package dev.weir.engine.srt.transmit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
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
     * How often the source looks for datagrams while a stream is flowing: every 10 ms, taking everything that arrived
     * meanwhile, as srt-live-transmit does (libsrt's epoll waits 10 ms between looks at system sockets). A blocking
     * receive would wake the thread once per datagram (nearly 10 000 times a second at 100 Mbit/s); and what leaves
     * in a burst reaches the SRT receiver in a burst, which drains several datagrams per wake-up instead of one —
     * on a 2-core machine that wake-up is most of what a sender costs. A 1 ms period gave a sender 1.41–1.52 times
     * libsrt's CPU per Mbit/s at 20 Mbit/s, 10 ms gives 1.00–1.09 (docs/performance.md, "SRT vs libsrt"). The price
     * is up to 10 ms of added jitter (SRT timestamps are taken when a message is read, and the receiver plays them
     * out at those times), well inside any SRT latency (20 ms at the least, 120 ms by default).
     */
    private static final long POLL_NANOS = 10_000_000;
    /** After this many empty looks (100 ms without input) the source blocks until the next datagram. */
    private static final int EMPTY_POLLS_BEFORE_BLOCKING = 10;

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

    /**
     * A UDP destination. The socket is connected to it: the kernel then keeps the route instead of looking it up for
     * every datagram. Unlike an unconnected socket, a connected one learns (from ICMP) that nobody listens there and
     * reports it on a later write; that datagram is dropped as an unconnected send would have dropped it, so a
     * player can start listening at any time.
     */
    static MessageSink sink(InetSocketAddress target) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.connect(target);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(65_536);
        return new MessageSink() {
            // synchronized: one SRT connection's threads write in turn, but a leaving and a new one may overlap
            @Override
            public synchronized void write(byte[] buffer, int length) throws IOException {
                direct.clear();
                direct.put(buffer, 0, length).flip();
                try {
                    channel.write(direct);
                } catch (PortUnreachableException e) {
                    // nobody listening at the target yet: dropped, as with an unconnected socket
                }
            }

            @Override
            public boolean writesWithoutWaiting() {
                return true;
            }

            @Override
            public String toString() {
                return "udp://" + target.getHostString() + ":" + target.getPort();
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

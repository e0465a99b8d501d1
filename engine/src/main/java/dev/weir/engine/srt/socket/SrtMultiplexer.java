package dev.weir.engine.srt.socket;

import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SrtPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP socket serving every SRT connection of a listener (or the one of a caller), routed by destination socket
 * id, with two named threads:
 * <ul>
 *   <li>{@code srt-recv-<port>} blocks in {@code receive}, decodes each datagram into a packet and hands it to the
 *       endpoint whose socket id it names (destination 0 goes to the handshake endpoint);</li>
 *   <li>{@code srt-timer-<port>} runs every endpoint's timers (sending paced data, ACK/NAK, TSBPD delivery,
 *       keep-alive, handshake retries) at the time each asks for, sleeping in between. Writers and the receive
 *       thread wake it when they create work.</li>
 * </ul>
 * Sending is done by whichever thread produces the packet (the channel is thread-safe); each thread encodes into its
 * own reusable buffer, so the steady-state send path allocates no buffers. Endpoints do their own locking.
 */
public final class SrtMultiplexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SrtMultiplexer.class);
    private static final int MAX_DATAGRAM = 65_536;
    private static final long MAX_SLEEP_MICROS = 10_000;

    /** Something that owns a socket id on this multiplexer: a connection, or a handshake in progress. */
    public interface Endpoint {
        void onPacket(SrtPacket packet, InetSocketAddress from, long now);

        void tick(long now);

        /** Next time {@link #tick} wants to run ({@code Long.MAX_VALUE}: only on packets). */
        long nextWakeup(long now);

        /** Once true, the multiplexer forgets the endpoint. */
        boolean finished();
    }

    private final DatagramChannel channel;
    private final LongSupplier clock;
    private final Map<Integer, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<ByteBuffer> sendBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(
            MAX_DATAGRAM));
    private final Thread receiveThread;
    private final Thread timerThread;
    private final AtomicLong malformed = new AtomicLong();
    private final int port;
    private volatile Endpoint handshakeEndpoint;
    private volatile boolean closed;

    private SrtMultiplexer(DatagramChannel channel, LongSupplier clock) throws IOException {
        this.channel = channel;
        this.clock = clock;
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.receiveThread = Thread.ofPlatform().daemon().name("srt-recv-" + port).unstarted(this::receiveLoop);
        this.timerThread = Thread.ofPlatform().daemon().name("srt-timer-" + port).unstarted(this::timerLoop);
    }

    /**
     * Binds a UDP socket and starts the threads.
     *
     * @param local address to bind (port 0 for any)
     * @param ipTos IP type of service, -1 for the system default
     */
    public static SrtMultiplexer bind(InetSocketAddress local, int ipTos, LongSupplier clock) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
            if (ipTos >= 0) {
                channel.setOption(StandardSocketOptions.IP_TOS, ipTos);
            }
            channel.bind(local);
            SrtMultiplexer mux = new SrtMultiplexer(channel, clock);
            mux.receiveThread.start();
            mux.timerThread.start();
            return mux;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Microseconds on the multiplexer's monotonic clock. */
    public static long systemMicros() {
        return System.nanoTime() / 1000;
    }

    public long now() {
        return clock.getAsLong();
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("multiplexer socket closed", e);
        }
    }

    /** A fresh random socket id not in use here (31-bit, non-zero, as libsrt picks them). */
    public int newSocketId() {
        while (true) {
            int id = random.nextInt(1 << 30) + 1;
            if (!endpoints.containsKey(id)) {
                return id;
            }
        }
    }

    /** The endpoint that gets packets addressed to socket id 0 (handshake requests). */
    public void setHandshakeEndpoint(Endpoint endpoint) {
        handshakeEndpoint = endpoint;
        wakeTimer();
    }

    public void register(int socketId, Endpoint endpoint) {
        endpoints.put(socketId, endpoint);
        wakeTimer();
    }

    public void unregister(int socketId) {
        endpoints.remove(socketId);
    }

    public int endpointCount() {
        return endpoints.size();
    }

    /** Datagrams that did not decode as SRT packets (counted, logged at debug). */
    public long malformedDatagrams() {
        return malformed.get();
    }

    /** Encodes and sends one packet; I/O errors are logged, as a lost datagram would be. */
    public void send(SrtPacket packet, InetSocketAddress to) {
        if (closed) {
            return;
        }
        ByteBuffer buffer = sendBuffers.get();
        buffer.clear();
        packet.encode(buffer);
        buffer.flip();
        try {
            channel.send(buffer, to);
        } catch (ClosedChannelException e) {
            // closing
        } catch (IOException e) {
            LOG.debug("SRT send to {} failed: {}", to, e.toString());
        }
    }

    /** Makes the timer thread re-evaluate wake-up times now (new data to send, new connection...). */
    public void wakeTimer() {
        LockSupport.unpark(timerThread);
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (!closed) {
            SocketAddress from;
            try {
                buffer.clear();
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("SRT receive on port {} failed: {}", port, e.toString());
                }
                continue;
            }
            if (from == null) {
                continue;
            }
            buffer.flip();
            SrtPacket packet;
            try {
                packet = PacketCodec.decode(buffer);
            } catch (MalformedPacketException e) {
                malformed.incrementAndGet();
                LOG.debug("SRT datagram from {} on port {} ignored: {}", from, port, e.getMessage());
                continue;
            }
            dispatch(packet, (InetSocketAddress) from);
        }
    }

    private void dispatch(SrtPacket packet, InetSocketAddress from) {
        long now = now();
        int dest = packet.destinationSocketId();
        Endpoint endpoint = dest == 0 ? null : endpoints.get(dest);
        if (endpoint == null) {
            Endpoint hs = handshakeEndpoint;
            if (hs != null && packet instanceof HandshakePacket) {
                hs.onPacket(packet, from, now);
                wakeTimer();
            }
            return;
        }
        try {
            endpoint.onPacket(packet, from, now);
        } catch (RuntimeException e) {
            LOG.warn("SRT endpoint {} failed on a packet from {}", dest, from, e);
        }
    }

    private void timerLoop() {
        while (!closed) {
            long now = now();
            long next = now + MAX_SLEEP_MICROS;
            Endpoint hs = handshakeEndpoint;
            if (hs != null) {
                next = Math.min(next, runTimer(hs, now));
            }
            for (Map.Entry<Integer, Endpoint> e : endpoints.entrySet()) {
                Endpoint endpoint = e.getValue();
                next = Math.min(next, runTimer(endpoint, now));
                if (endpoint.finished()) {
                    endpoints.remove(e.getKey(), endpoint);
                }
            }
            long sleep = next - now();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep * 1000);
            }
        }
    }

    private long runTimer(Endpoint endpoint, long now) {
        try {
            if (endpoint.nextWakeup(now) <= now) {
                endpoint.tick(now);
            }
            return endpoint.nextWakeup(now);
        } catch (RuntimeException e) {
            LOG.warn("SRT timer of an endpoint on port {} failed", port, e);
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing SRT socket on port {}: {}", port, e.toString());
        }
        LockSupport.unpark(timerThread);
        try {
            if (Thread.currentThread() != receiveThread) {
                receiveThread.join(1000);
            }
            if (Thread.currentThread() != timerThread) {
                timerThread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isClosed() {
        return closed;
    }
}

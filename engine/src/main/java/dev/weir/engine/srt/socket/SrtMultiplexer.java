package dev.weir.engine.srt.socket;

import dev.weir.engine.srt.packet.DataPacketHolder;
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
 *   <li>{@code srt-recv-<port>} blocks in {@code receive} (or, while the flow is fast, polls the socket once a
 *       millisecond: {@link ReceivePace}), decodes each datagram into a packet and hands it to the endpoint whose
 *       socket id it names (destination 0 goes to the handshake endpoint);</li>
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

        /**
         * A data packet in the receive thread's reusable holder, valid only during the call. Connections take it as
         * is (no allocation per packet); anything else gets it as a record.
         */
        default void onData(DataPacketHolder packet, InetSocketAddress from, long now) {
            onPacket(packet.toRecord(), from, now);
        }

        void tick(long now);

        /** Next time {@link #tick} wants to run ({@code Long.MAX_VALUE}: only on packets). */
        long nextWakeup(long now);

        /** Once true, the multiplexer forgets the endpoint. */
        boolean finished();
    }

    private final DatagramChannel channel;
    private final LongSupplier clock;
    private final Map<Integer, Endpoint> endpoints = new ConcurrentHashMap<>();
    /**
     * The endpoints as an array for the timer loop (iterating the map would allocate an iterator on every pass, and
     * the loop runs once per paced packet), rebuilt on every change; {@link #routingVersion} counts the changes so
     * that the receive thread can keep its last route without a map look-up (which would box the socket id).
     */
    private volatile Endpoint[] endpointArray = new Endpoint[0];
    private volatile int routingVersion;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<ByteBuffer> sendBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(
            MAX_DATAGRAM));
    private final Thread receiveThread;
    private final Thread timerThread;
    private final AtomicLong malformed = new AtomicLong();
    private final int port;
    /**
     * When the timer thread will next look at the endpoints ({@link Long#MIN_VALUE} while it is looking), so that
     * {@link #wakeTimerBy} wakes it only when new work is due earlier: a writer that sends its packet at once, or a
     * received packet that changes no deadline, then costs no thread switch.
     */
    private volatile long timerWakeAt = Long.MIN_VALUE;
    private volatile Endpoint handshakeEndpoint;
    private volatile boolean receivePolling;
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
        routesChanged();
        wakeTimer();
    }

    public void unregister(int socketId) {
        endpoints.remove(socketId);
        routesChanged();
    }

    private synchronized void routesChanged() {
        endpointArray = endpoints.values().toArray(new Endpoint[0]);
        routingVersion++;
    }

    public int endpointCount() {
        return endpoints.size();
    }

    /** Whether the receive thread polls the socket now rather than blocking in it ({@link ReceivePace}). */
    boolean receivePolling() {
        return receivePolling;
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
            if (channel.send(buffer, to) == 0) {
                sendWhenRoom(buffer, to);
            }
        } catch (ClosedChannelException e) {
            // closing
        } catch (IOException e) {
            LOG.debug("SRT send to {} failed: {}", to, e.toString());
        }
    }

    /**
     * The socket's send buffer was full while it is non-blocking (the receive thread is polling): tries again for up
     * to a millisecond, then drops the datagram, as a full queue on the way would (SRT retransmits what matters).
     */
    private void sendWhenRoom(ByteBuffer buffer, InetSocketAddress to) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            LockSupport.parkNanos(50_000);
            if (channel.send(buffer, to) > 0) {
                return;
            }
        }
        LOG.debug("SRT send to {} dropped: the socket's send buffer stayed full", to);
    }

    /** Makes the timer thread re-evaluate wake-up times now (new data to send, new connection...). */
    public void wakeTimer() {
        LockSupport.unpark(timerThread);
    }

    /**
     * Wakes the timer thread if an endpoint now wants its {@code tick} at {@code deadline}, earlier than the thread
     * plans to look (or while it is looking, in case it already passed that endpoint).
     */
    public void wakeTimerBy(long deadline) {
        long planned = timerWakeAt;
        if (planned == Long.MIN_VALUE || deadline < planned) {
            LockSupport.unpark(timerThread);
        }
    }

    private void receiveLoop() {
        Receiving receiving = new Receiving(now());
        while (!closed && receiveOnce(receiving)) {
            // each pass in a method of its own: the JIT compiles a method after some thousands of calls, but the
            // body of a loop that never returns only after tens of thousands of passes (on-stack replacement), which
            // at a packet rate is the first half-minute of every connection run in the interpreter
        }
    }

    /** What the receive thread reuses for every datagram. */
    private static final class Receiving {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        // Data packets are decoded into this one holder and handed on (receivers copy what they keep); control
        // packets, a few per hundred data packets, stay records.
        final DataPacketHolder data = new DataPacketHolder(MAX_DATAGRAM - SrtPacket.HEADER_SIZE);
        final Route route = new Route();
        final ReceivePace pace;

        Receiving(long now) {
            pace = new ReceivePace(now);
        }
    }

    /** Receives and dispatches one datagram, or polls once; false once the socket is closed. */
    private boolean receiveOnce(Receiving r) {
        ByteBuffer buffer = r.buffer;
        SocketAddress from;
        try {
            buffer.clear();
            from = channel.receive(buffer);
            if (from == null) {
                // polling and the socket is empty: come back in a while, or block again if the flow slowed
                if (r.pace.emptyPoll(now())) {
                    channel.configureBlocking(true);
                    receivePolling = false;
                } else {
                    LockSupport.parkNanos(ReceivePace.POLL_NANOS);
                }
                return true;
            }
            if (r.pace.datagram(now())) {
                channel.configureBlocking(false);
                receivePolling = true;
            }
        } catch (ClosedChannelException e) {
            return false;
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("SRT receive on port {} failed: {}", port, e.toString());
            }
            return true;
        }
        buffer.flip();
        try {
            if (DataPacketHolder.isData(buffer)) {
                r.data.decode(buffer);
                dispatchData(r.data, (InetSocketAddress) from, r.route);
            } else {
                dispatch(PacketCodec.decode(buffer), (InetSocketAddress) from);
            }
        } catch (MalformedPacketException e) {
            malformed.incrementAndGet();
            LOG.debug("SRT datagram from {} on port {} ignored: {}", from, port, e.getMessage());
        }
        return true;
    }

    /** The receive thread's last route (socket id to endpoint), valid while {@link #routingVersion} is unchanged. */
    private static final class Route {
        int socketId;
        Endpoint endpoint;
        int version = -1;
    }

    private void dispatchData(DataPacketHolder packet, InetSocketAddress from, Route route) {
        int dest = packet.destinationSocketId();
        int version = routingVersion;
        if (route.version != version || route.socketId != dest) {
            route.socketId = dest;
            route.endpoint = dest == 0 ? null : endpoints.get(dest);
            route.version = version;
        }
        Endpoint endpoint = route.endpoint;
        if (endpoint == null) {
            return; // data for no connection (closed, or never ours)
        }
        try {
            endpoint.onData(packet, from, now());
        } catch (RuntimeException e) {
            LOG.warn("SRT endpoint {} failed on a data packet from {}", dest, from, e);
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
            long sleep = timerPass();   // a method of its own, for the JIT (see receiveLoop)
            if (sleep > 0) {
                LockSupport.parkNanos(sleep * 1000);
            }
        }
    }

    /** Runs every endpoint's due timers; returns how long to sleep (microseconds) before the next pass. */
    private long timerPass() {
        timerWakeAt = Long.MIN_VALUE;
        long now = now();
        long next = now + MAX_SLEEP_MICROS;
        Endpoint hs = handshakeEndpoint;
        if (hs != null) {
            next = Math.min(next, runTimer(hs, now));
        }
        for (Endpoint endpoint : endpointArray) {
            next = Math.min(next, runTimer(endpoint, now));
            if (endpoint.finished()) {
                forget(endpoint);
            }
        }
        timerWakeAt = next;
        return next - now();
    }

    private void forget(Endpoint endpoint) {
        if (endpoints.values().removeIf(e -> e == endpoint)) {
            routesChanged();
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

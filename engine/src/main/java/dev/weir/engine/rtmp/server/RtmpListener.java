package dev.weir.engine.rtmp.server;

import dev.weir.engine.BindErrors;
import dev.weir.engine.Listener;
import dev.weir.engine.ListenerContext;
import dev.weir.engine.ListenerException;
import dev.weir.engine.config.Limits;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.tls.ServerTls;
import dev.weir.engine.stats.ConnectionCounters;
import dev.weir.engine.stats.ConnectionRegistry;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Accepts RTMP connections on one address and runs each on its own virtual thread. Owns its server socket and
 * every connection it accepted: {@link #close()} ends them all. The engine facade owns the listener; its
 * {@link dev.weir.engine.ListenerFactory} is {@code RtmpListener::new}.
 *
 * <pre>{@code
 * var listener = new RtmpListener(address, context);  // or (address, settings, limits, hub, registry)
 * listener.start();                       // binds; throws ListenerException with an operator-readable reason
 * listener.boundAddress();                // the real port when asked for port 0
 * listener.snapshot();                    // for EngineSnapshot.listeners
 * listener.close();                       // returns once the port is free
 * }</pre>
 */
public final class RtmpListener implements Listener {
    private static final Logger log = LoggerFactory.getLogger(RtmpListener.class);
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private final InetSocketAddress address;
    private final RtmpSettings settings;
    private final Limits limits;
    private final StreamHub hub;
    private final ConnectionRegistry registry;
    private final LongSupplier nanoTime;
    private final SessionServices services;
    private final ServerTls tls;
    private final Set<RtmpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private volatile ServerSocket serverSocket;
    private volatile ListenerState state = ListenerState.STOPPED;
    private volatile String lastError;
    private Thread acceptThread;

    /** The engine's way in ({@code ListenerFactory}): settings, limits, hub, registry and clock from the context. */
    public RtmpListener(InetSocketAddress address, ListenerContext context) {
        this(address, context.config().rtmp(), context.config().limits(), context.hub(), context.connections(),
                context.nanoTime(), context.services(), null);
    }

    /**
     * The engine's RTMPS listener: the same server over TLS with the context's certificate
     * ({@code -tls-cert}/{@code -tls-key}). The TLS handshake runs on each connection's own thread, bounded by
     * the RTMP handshake timeout.
     */
    public static RtmpListener rtmps(InetSocketAddress address, ListenerContext context) {
        ServerTls tls = context.services().tls();
        if (tls == null) {
            throw new IllegalStateException("RTMPS needs a certificate: start the engine with -tls-cert and -tls-key");
        }
        return new RtmpListener(address, context.config().rtmp(), context.config().limits(), context.hub(),
                context.connections(), context.nanoTime(), context.services(), tls);
    }

    public RtmpListener(InetSocketAddress address, RtmpSettings settings, Limits limits, StreamHub hub,
                        ConnectionRegistry registry) {
        this(address, settings, limits, hub, registry, System::nanoTime);
    }

    /**
     * @param nanoTime the engine's monotonic clock, for {@code ConnectionCounters.startNanos}
     */
    public RtmpListener(InetSocketAddress address, RtmpSettings settings, Limits limits, StreamHub hub,
                        ConnectionRegistry registry, LongSupplier nanoTime) {
        this(address, settings, limits, hub, registry, nanoTime, SessionServices.OPEN, null);
    }

    /**
     * @param services access control and hooks for publish/play
     * @param tls      the certificate for RTMPS, {@code null} for plain RTMP
     */
    public RtmpListener(InetSocketAddress address, RtmpSettings settings, Limits limits, StreamHub hub,
                        ConnectionRegistry registry, LongSupplier nanoTime, SessionServices services, ServerTls tls) {
        this.services = services == null ? SessionServices.OPEN : services;
        this.tls = tls;
        this.nanoTime = nanoTime;
        this.address = address;
        this.settings = settings;
        this.limits = limits;
        this.hub = hub;
        this.registry = registry;
    }

    /** Binds and starts accepting; returns once bound. */
    @Override
    public synchronized void start() throws ListenerException {
        if (serverSocket != null) {
            throw new IllegalStateException("listener " + id() + " is already started");
        }
        state = ListenerState.STARTING;
        ServerSocket server = null;
        try {
            BindErrors.checkLocal(address);
            if (tls != null) {
                // TLS sockets have no channel: their players use the buffered write path.
                server = tls.newServerSocket(address, 128);
            } else {
                // A channel's server socket: the sockets it accepts have channels, which the players' writers
                // use for gathering writes (ConnectionOutput); reads stay blocking streams with a timeout.
                server = ServerSocketChannel.open().socket();
                server.setReuseAddress(true);
                server.bind(address, 128);
            }
        } catch (ListenerException e) {
            fail(e.getMessage());
            throw e;
        } catch (IOException e) {
            closeQuietly(server);
            ListenerException reason = BindErrors.bindFailed(address, e);
            fail(reason.getMessage());
            throw reason;
        }
        serverSocket = server;
        state = ListenerState.RUNNING;
        services.relayLoops().listening(protocol(), boundAddress());   // relays to here are checked for loops
        acceptThread = Thread.ofVirtual().name(prefix() + "-accept-" + boundAddress().getPort()).start(this::acceptLoop);
        log.info("{} listening on {}{}", protocol(), BindErrors.describe(boundAddress()),
                tls == null ? "" : " (" + tls.describe() + ")");
    }

    private void fail(String reason) {
        lastError = reason;
        state = ListenerState.FAILED;
    }

    /** The address the socket is bound to (with the real port), or the requested one before start. */
    @Override
    public InetSocketAddress boundAddress() {
        ServerSocket s = serverSocket;
        return s == null ? address : (InetSocketAddress) s.getLocalSocketAddress();
    }

    @Override
    public Protocol protocol() {
        return tls == null ? Protocol.RTMP : Protocol.RTMPS;
    }

    private String prefix() {
        return tls == null ? "rtmp" : "rtmps";
    }

    /** Counts a publish or play refused by access control (the connection is then closed). */
    void countRejected() {
        rejected.incrementAndGet();
    }

    @Override
    public ListenerSnapshot snapshot() {
        return new ListenerSnapshot(id(), protocol(), BindErrors.describe(boundAddress()), state, lastError,
                connections.size(), accepted.get(), rejected.get());
    }

    private void acceptLoop() {
        ServerSocket server = serverSocket;
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    fail("accept failed: " + e.getMessage());
                    log.error("{} listener {} stopped accepting: {}", protocol(), id(), e.getMessage());
                }
                return;
            }
            String remote = BindErrors.describe((InetSocketAddress) socket.getRemoteSocketAddress());
            if (connections.size() >= limits.maxConnections()) {
                rejected.incrementAndGet();
                services.access().refusals().refused(id(), "connection_limit", remote,
                        "%s: refused %s: %d connections open, the limit".formatted(id(), remote, connections.size()));
                closeQuietly(socket);
                continue;
            }
            accepted.incrementAndGet();
            ConnectionCounters counters = new ConnectionCounters(prefix() + "-" + CONNECTION_IDS.incrementAndGet(),
                    protocol(), id(), remote, nanoTime.getAsLong());
            registry.register(counters);
            RtmpConnection[] self = new RtmpConnection[1];
            RtmpConnection connection = new RtmpConnection(socket, settings, limits, hub, counters, () -> {
                connections.remove(self[0]);
                registry.unregister(counters);
            }, services, this::countRejected);
            self[0] = connection;
            counters.closer(() -> connection.close("disconnected by the operator"));
            connections.add(connection);
            Thread.ofVirtual().name("rtmp-conn-" + counters.id()).start(connection);
        }
    }

    /** Stops accepting and closes every connection; returns once the accept thread has left the socket. */
    @Override
    public synchronized void close() {
        ServerSocket s = serverSocket;
        if (s != null) {
            services.relayLoops().stopped(protocol(), boundAddress());
            closeQuietly(s);
        }
        for (RtmpConnection c : connections) {
            c.close("listener stopped");
        }
        if (state != ListenerState.FAILED) {
            state = ListenerState.STOPPED;
        }
        Thread t = acceptThread;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing more to do
        }
    }
}

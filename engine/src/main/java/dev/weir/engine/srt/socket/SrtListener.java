package dev.weir.engine.srt.socket;

import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.handshake.AcceptDecision;
import dev.weir.engine.srt.handshake.AcceptPolicy;
import dev.weir.engine.srt.handshake.ConnectionRequest;
import dev.weir.engine.srt.handshake.HandshakeAction;
import dev.weir.engine.srt.handshake.ListenerHandshake;
import dev.weir.engine.srt.handshake.RejectCode;
import dev.weir.engine.srt.handshake.NegotiatedConnection;
import dev.weir.engine.srt.handshake.SynCookies;
import dev.weir.engine.srt.options.SrtMode;
import dev.weir.engine.srt.options.SrtOptions;
import dev.weir.engine.srt.options.SrtUrl;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.packet.Timestamps;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SRT listener: one UDP port ({@link SrtMultiplexer}) serving any number of callers. Each caller's connection
 * request (peer address, stream id, whether it is encrypted) goes to the application's {@link AcceptPolicy}, which
 * accepts it (optionally with a passphrase of its own for that stream) or rejects it with a reason the caller sees
 * (libsrt reject codes, e.g. 1403 forbidden, or an application code 2000+); this is the seed's
 * {@code Accept2}/{@code ConnRequest} and libsrt's listen callback. Accepted connections are then taken with
 * {@link #accept}.
 *
 * <p>The policy is called on the multiplexer's receive thread, once per connection: it must decide quickly (look
 * up a table, not call a remote service).
 */
public final class SrtListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SrtListener.class);

    private final SrtMultiplexer mux;
    private final SrtOptions options;
    private final ListenerHandshake handshake;
    private final LinkedBlockingQueue<SrtConnection> accepted = new LinkedBlockingQueue<>();
    private final Set<SrtConnection> connections = ConcurrentHashMap.newKeySet();
    private final long start;
    private final InetSocketAddress local;
    private final Handshakes handshakes;
    private Passphrase decidedPassphrase;
    private volatile boolean closed;

    private SrtListener(SrtMultiplexer mux, SrtOptions options, AcceptPolicy policy) {
        this.mux = mux;
        this.options = options;
        this.start = mux.now();
        this.local = mux.localAddress();
        AcceptPolicy remembering = new AcceptPolicy() {
            @Override
            public AcceptDecision decide(ConnectionRequest request) {
                AcceptDecision decision = policy.decide(request);
                if (decision instanceof AcceptDecision.Accept accept) {
                    decidedPassphrase = accept.passphraseOverride();
                    LOG.info("SRT connection request from {} (stream id '{}', {}) accepted", request.peer(),
                            request.streamIdForLog(), request.encrypted() ? "encrypted" : "clear");
                } else if (decision instanceof AcceptDecision.Reject reject) {
                    // The policy logs its refusals (rate-limited); a flood must not come back here line by line.
                    LOG.debug("SRT connection request from {} (stream id '{}') rejected: {}", request.peer(),
                            request.streamIdForLog(), reject.code());
                }
                return decision;
            }

            @Override
            public void protocolRejected(InetSocketAddress peer, RejectCode code, String why) {
                policy.protocolRejected(peer, code, why);
            }
        };
        this.handshake = new ListenerHandshake(HandshakeSettings.from(options), remembering,
                SynCookies.withRandomSecret(new SecureRandom()), mux::newSocketId, start);
        this.handshakes = new Handshakes();
        mux.setHandshakeEndpoint(handshakes);
    }

    /** Binds {@code url} (listener mode; an empty host binds every interface). */
    public static SrtListener bind(SrtUrl url, AcceptPolicy policy) throws IOException {
        if (url.mode() != SrtMode.LISTENER) {
            throw new IllegalArgumentException("srt://" + url.host() + ":" + url.port() + " is in " + url.mode()
                    + " mode; bind() needs mode=listener");
        }
        return bind(url.socketAddress(), url.options(), policy);
    }

    public static SrtListener bind(InetSocketAddress local, SrtOptions options, AcceptPolicy policy)
            throws IOException {
        SrtMultiplexer mux = SrtMultiplexer.bind(local, options.ipTos(), SrtMultiplexer::systemMicros);
        LOG.info("SRT listener on {}", mux.localAddress());
        return new SrtListener(mux, options, policy);
    }

    /** The listener's socket (tests look at how its receive thread waits). */
    SrtMultiplexer multiplexer() {
        return mux;
    }

    /** The bound address (stays readable after close, for messages). */
    public InetSocketAddress localAddress() {
        return local;
    }

    /**
     * The next accepted connection.
     *
     * @throws SocketTimeoutException when none came within the timeout (0 = wait forever)
     * @throws IOException            when the listener is closed
     */
    public SrtConnection accept(long timeoutMillis) throws IOException {
        try {
            while (true) {
                if (closed) {
                    throw new IOException("SRT listener on " + localAddress() + " is closed");
                }
                SrtConnection c = accepted.poll(timeoutMillis <= 0 ? 100 : Math.min(timeoutMillis, 100),
                        TimeUnit.MILLISECONDS);
                if (c != null) {
                    return c;
                }
                if (timeoutMillis > 0) {
                    timeoutMillis -= 100;
                    if (timeoutMillis <= 0) {
                        throw new SocketTimeoutException("no SRT caller on " + localAddress() + " in time");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while accepting on " + localAddress());
        }
    }

    /** Callers the handshake refused (wrong passphrase, unsupported options); not those the accept policy refused. */
    public long rejectedHandshakes() {
        return handshake.protocolRejections();
    }

    /** Open connections. */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        closed = true;
        for (SrtConnection c : List.copyOf(connections)) {
            c.close();
        }
        mux.close();
    }

    private void forget(NegotiatedConnection negotiated) {
        handshakes.forget(negotiated);
    }

    /** Handshakes addressed to socket id 0. */
    private final class Handshakes implements SrtMultiplexer.Endpoint {
        @Override
        public synchronized void onPacket(SrtPacket packet, InetSocketAddress from, long now) {
            if (closed || !(packet instanceof HandshakePacket hs)) {
                return;
            }
            decidedPassphrase = null;
            for (HandshakeAction action : handshake.onHandshake(hs, from, now)) {
                switch (action) {
                    case HandshakeAction.Send send -> mux.send(send.packet(), send.to());
                    case HandshakeAction.Connected connected -> open(connected.connection(), hs, now);
                    case HandshakeAction.Failed failed -> LOG.info("SRT handshake from {} failed: {}", from,
                            failed.detail());
                }
            }
        }

        private void open(NegotiatedConnection negotiated, HandshakePacket conclusion, long arrival) {
            long peerTs = Timestamps.unsigned(conclusion.timestamp());
            Passphrase passphrase = decidedPassphrase != null ? decidedPassphrase : options.passphrase();
            SrtConnection[] self = new SrtConnection[1];
            SrtConnection connection = new SrtConnection(mux, negotiated, options, passphrase, start,
                    arrival - peerTs, peerTs, () -> {
                        connections.remove(self[0]);
                        forget(negotiated);
                    });
            self[0] = connection;
            connections.add(connection);
            mux.register(negotiated.localSocketId(), connection.endpoint());
            LOG.info("SRT connection from {} established (stream id '{}', {}, latency {}/{} ms)", negotiated.peer(),
                    negotiated.streamId(), negotiated.encrypted() ? "encrypted" : "clear",
                    negotiated.receiveLatencyMs(), negotiated.sendLatencyMs());
            accepted.offer(connection);
        }

        /** The state machine is not thread-safe: connections ending on other threads go through here. */
        synchronized void forget(NegotiatedConnection negotiated) {
            handshake.forget(negotiated.peer(), negotiated.peerSocketId());
        }

        @Override
        public void tick(long now) {
        }

        @Override
        public long nextWakeup(long now) {
            return Long.MAX_VALUE;
        }

        @Override
        public boolean finished() {
            return closed;
        }
    }
}

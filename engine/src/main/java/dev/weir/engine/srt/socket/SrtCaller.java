package dev.weir.engine.srt.socket;

import dev.weir.engine.srt.handshake.CallerHandshake;
import dev.weir.engine.srt.handshake.HandshakeAction;
import dev.weir.engine.srt.handshake.HandshakeType;
import dev.weir.engine.srt.handshake.RejectCode;
import dev.weir.engine.srt.handshake.RejectReason;
import dev.weir.engine.srt.options.SrtMode;
import dev.weir.engine.srt.options.SrtOptions;
import dev.weir.engine.srt.options.SrtUrl;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.ShutdownPacket;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.packet.Timestamps;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens SRT connections as a caller: a multiplexer of its own on an ephemeral port, the handshake
 * ({@link CallerHandshake}, retried and timed out by the multiplexer's timer thread), then a {@link SrtConnection}
 * that owns the multiplexer and closes it when it ends.
 */
public final class SrtCaller {

    private static final Logger LOG = LoggerFactory.getLogger(SrtCaller.class);

    private SrtCaller() {
    }

    /** Connects to {@code url} (which must be in caller mode); waits at most its {@code conntimeo}. */
    public static SrtConnection connect(SrtUrl url) throws IOException {
        if (url.mode() != SrtMode.CALLER) {
            throw new IllegalArgumentException("srt://" + url.host() + ":" + url.port() + " is in " + url.mode()
                    + " mode; connect() needs mode=caller");
        }
        return connect(new InetSocketAddress(url.host(), url.port()), url.options());
    }

    /**
     * Connects to a listener.
     *
     * @throws SrtConnectException when rejected (the code says why, e.g. BADSECRET) or when no answer came within
     *                             {@code conntimeo}
     */
    public static SrtConnection connect(InetSocketAddress listener, SrtOptions options) throws IOException {
        if (listener.isUnresolved()) {
            throw new SrtConnectException(RejectCode.of(RejectReason.PEER), "cannot resolve SRT host "
                    + listener.getHostString());
        }
        SecureRandom random = new SecureRandom();
        SrtMultiplexer mux = SrtMultiplexer.bind(new InetSocketAddress(0), options.ipTos(),
                SrtMultiplexer::systemMicros);
        int socketId = mux.newSocketId();
        long start = mux.now();
        CallerHandshake handshake = new CallerHandshake(HandshakeSettings.from(options), listener, socketId,
                random.nextInt(SeqNo.MAX), random, start);
        CompletableFuture<SrtConnection> result = new CompletableFuture<>();
        Handshaking endpoint = new Handshaking(mux, listener, handshake, options, start, result);
        mux.register(socketId, endpoint);
        endpoint.handle(handshake.start(start), start, null, 0);
        try {
            return result.get(options.connectTimeoutMs() + 2000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            mux.close();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("SRT connection to " + listener + " failed", e.getCause());
        } catch (TimeoutException e) {
            mux.close();
            throw new SrtConnectException(RejectCode.of(RejectReason.TIMEOUT), "no SRT handshake answer from "
                    + listener);
        } catch (InterruptedException e) {
            mux.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + listener);
        }
    }

    /** The multiplexer endpoint while the handshake runs. */
    private static final class Handshaking implements SrtMultiplexer.Endpoint {
        private final SrtMultiplexer mux;
        private final InetSocketAddress listener;
        private final CallerHandshake handshake;
        private final SrtOptions options;
        private final long start;
        private final CompletableFuture<SrtConnection> result;

        Handshaking(SrtMultiplexer mux, InetSocketAddress listener, CallerHandshake handshake, SrtOptions options,
                    long start, CompletableFuture<SrtConnection> result) {
            this.mux = mux;
            this.listener = listener;
            this.handshake = handshake;
            this.options = options;
            this.start = start;
            this.result = result;
        }

        @Override
        public synchronized void onPacket(SrtPacket packet, InetSocketAddress from, long now) {
            if (packet instanceof HandshakePacket hs && !result.isDone()) {
                handle(handshake.onHandshake(hs, now), now, hs, now);
            }
        }

        @Override
        public synchronized void tick(long now) {
            if (!result.isDone()) {
                handle(handshake.onTimer(now), now, null, 0);
            }
        }

        @Override
        public synchronized long nextWakeup(long now) {
            return result.isDone() ? Long.MAX_VALUE : handshake.nextTimerMicros();
        }

        @Override
        public boolean finished() {
            return result.isDone();
        }

        synchronized void handle(List<HandshakeAction> actions, long now, HandshakePacket last, long arrival) {
            for (HandshakeAction action : actions) {
                switch (action) {
                    case HandshakeAction.Send send -> mux.send(send.packet(), send.to());
                    case HandshakeAction.Connected connected -> {
                        long peerTs = Timestamps.unsigned(last.timestamp());
                        SrtConnection connection = new SrtConnection(mux, connected.connection(), options,
                                options.passphrase(), start, arrival - peerTs, peerTs, mux::close);
                        mux.register(connected.connection().localSocketId(), connection.endpoint());
                        LOG.info("SRT connected to {} (stream id '{}', {}, latency {}/{} ms)",
                                connected.connection().peer(),
                                dev.weir.engine.srt.handshake.ConnectionRequest.redactStreamId(connected.connection().streamId()),
                                connected.connection().encrypted() ? "encrypted" : "clear",
                                connected.connection().receiveLatencyMs(), connected.connection().sendLatencyMs());
                        result.complete(connection);
                    }
                    case HandshakeAction.Failed failed -> {
                        if (last != null && last.handshakeType() == HandshakeType.CONCLUSION && last.socketId() != 0) {
                            // The listener already made a socket for us (we refused its answer, e.g. its KMRSP):
                            // tell it, as libsrt does, instead of leaving it to time out.
                            mux.send(new ShutdownPacket(Timestamps.toWire(now - start), last.socketId()), listener);
                        }
                        result.completeExceptionally(new SrtConnectException(failed.code(), failed.detail()));
                    }
                }
            }
        }
    }
}

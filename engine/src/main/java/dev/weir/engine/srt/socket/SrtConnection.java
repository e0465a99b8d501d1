package dev.weir.engine.srt.socket;

import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.handshake.NegotiatedConnection;
import dev.weir.engine.srt.handshake.SrtFlags;
import dev.weir.engine.srt.live.LiveConnection;
import dev.weir.engine.srt.live.SrtReceiver;
import dev.weir.engine.srt.live.SrtSender;
import dev.weir.engine.srt.options.SrtOptions;
import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.stats.SrtStats;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An established SRT connection as the application sees it: messages in (in order, at their TSBPD time) and out,
 * blocking with timeouts, statistics, close. It is the multiplexer's endpoint for its socket id and serialises the
 * protocol core ({@link LiveConnection}) behind one lock.
 *
 * <p>Received messages wait in a bounded queue as large as the receive buffer; an application that does not read
 * for that long loses the oldest ones (counted in {@link #messagesDroppedByReader()}).
 */
public final class SrtConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SrtConnection.class);
    private final SrtMultiplexer multiplexer;
    private final NegotiatedConnection negotiated;
    private final SrtOptions options;
    private final LiveConnection live;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    private final ReceivedMessages received;
    private final Runnable onClose;
    private final Endpoint endpoint = new Endpoint();
    /** Set by {@link #deliverTo}: messages go to it on the protocol thread instead of into {@link #received}. */
    private volatile MessageHandler handler;
    private long handlerFailures;
    private volatile boolean ended;

    SrtConnection(SrtMultiplexer multiplexer, NegotiatedConnection negotiated, SrtOptions options,
                  Passphrase passphrase, long localStartMicros, long peerStartMicros, long peerTimestampHint,
                  Runnable onClose) {
        this.multiplexer = multiplexer;
        this.negotiated = negotiated;
        this.options = options;
        this.onClose = onClose;
        int receivePackets = Math.min(options.receiveBufferPackets(), options.flowWindowPackets());
        int payloadLimit = Math.min(options.payloadSize(), negotiated.mss() - SrtOptions.UDP_IP_HEADER_SIZE
                - SrtOptions.SRT_HEADER_SIZE);
        this.received = new ReceivedMessages(Math.max(64, receivePackets), payloadLimit);
        // HSv4 peers announce their flags after the connection (LiveConnection applies them); assume libsrt's.
        int peerFlags = negotiated.handshakeVersion() < 5 ? SrtFlags.TLPKTDROP : negotiated.peerFlags();
        boolean tooLateDrop = options.tooLatePacketDrop() && (peerFlags & SrtFlags.TLPKTDROP) != 0;
        int payloadSize = Math.min(options.payloadSize(), negotiated.mss() - SrtOptions.UDP_IP_HEADER_SIZE
                - SrtOptions.SRT_HEADER_SIZE);
        SrtSender.Config sender = new SrtSender.Config(negotiated.initialSequenceNumber(), negotiated.peerSocketId(),
                localStartMicros, negotiated.sendLatencyMs() * 1000L, tooLateDrop, options.senderDropDelayMs(),
                negotiated.peerFlowWindow(), options.sendBufferPackets(), payloadSize);
        SrtReceiver.Config receiver = new SrtReceiver.Config(negotiated.initialSequenceNumber(),
                negotiated.peerSocketId(), localStartMicros, peerStartMicros, negotiated.receiveLatencyMs() * 1000L,
                tooLateDrop, options.periodicNak(), options.lossMaxTtlPackets(), receivePackets,
                options.driftTracer(), payloadSize, peerTimestampHint);
        LiveConnection.Config config = new LiveConnection.Config(sender, receiver, options.peerIdleTimeoutMs(),
                negotiated.keys(), passphrase, options.effectiveKmRefreshRate(), options.effectiveKmPreAnnounce(),
                options.maxBandwidth(), options.inputBandwidth(), options.minInputBandwidth(),
                options.overheadPercent(), negotiated.mss(),
                negotiated.handshakeVersion() < 5 ? HandshakeSettings.from(options) : null);
        InetSocketAddress peer = negotiated.peer();
        this.live = new LiveConnection(config, packet -> multiplexer.send(packet, peer), this::deliver,
                new SecureRandom(), multiplexer.now());
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Called with the lock held, on whichever multiplexer thread found the packet due. */
    private void deliver(DataPacketHolder packet) {
        MessageHandler h = handler;
        if (h == null) {
            received.put(packet.payload(), 0, packet.payloadLength());
            return;
        }
        try {
            h.onMessage(packet.payload(), packet.payloadLength());
        } catch (RuntimeException e) {
            // The handler runs on the multiplexer's thread: its failure must not stop this connection's timers.
            if (handlerFailures++ == 0) {
                LOG.warn("SRT connection {}: the message handler failed (further failures counted, not logged)",
                        Integer.toHexString(localSocketId()), e);
            }
        }
    }

    /**
     * Receives each delivered message as a call instead of a queued copy: one thread switch per message less than
     * {@link #read}, for consumers that never block (a UDP socket, a counter). The handler runs on the multiplexer's
     * thread that found the message due, with this connection's lock held, in order and at the message's TSBPD time;
     * the array is reused once the call returns. It must not block or call back into this connection. Messages
     * already queued for {@link #read} are handed over first. Afterwards {@link #read} delivers nothing and
     * returns -1 once the connection has ended, so a reader can still wait for the end with it.
     */
    public void deliverTo(MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        lock.lock();
        try {
            received.drainTo(handler);
            this.handler = handler;
        } finally {
            lock.unlock();
        }
    }

    /** Takes delivered messages on the protocol thread; see {@link #deliverTo}. */
    @FunctionalInterface
    public interface MessageHandler {
        /** One message, {@code message[0, length)}; the array is reused after the call returns. */
        void onMessage(byte[] message, int length);
    }

    /** The peer's address. */
    public InetSocketAddress peer() {
        return negotiated.peer();
    }

    /** The caller's stream id ("" when none). */
    public String streamId() {
        return negotiated.streamId();
    }

    public boolean encrypted() {
        return negotiated.encrypted();
    }

    public int localSocketId() {
        return negotiated.localSocketId();
    }

    public int peerSocketId() {
        return negotiated.peerSocketId();
    }

    /** The largest message {@link #write} accepts. */
    public int maxMessageSize() {
        return Math.min(options.payloadSize(), negotiated.mss() - SrtOptions.UDP_IP_HEADER_SIZE
                - SrtOptions.SRT_HEADER_SIZE);
    }

    /** What the handshake agreed (latencies, peer version, flags...). */
    public NegotiatedConnection negotiated() {
        return negotiated;
    }

    /**
     * Reads the next message into {@code buffer}.
     *
     * @return its length, or -1 once the connection is closed and every delivered message was read
     * @throws SocketTimeoutException when nothing arrived within the timeout (0 = wait forever)
     */
    public int read(byte[] buffer, long timeoutMillis) throws IOException {
        int n;
        try {
            n = received.take(buffer, timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading from SRT peer " + peer());
        }
        if (n == ReceivedMessages.TIMED_OUT) {
            throw new SocketTimeoutException("no SRT message from " + peer() + " within " + timeoutMillis + " ms");
        }
        return n;
    }

    /**
     * Sends one message, waiting up to the timeout while the send buffer is full.
     *
     * @throws IOException when the connection is closed or broken, or the timeout passed
     */
    public void write(byte[] message, int offset, int length, long timeoutMillis) throws IOException {
        if (length > maxMessageSize()) {
            throw new IllegalArgumentException("SRT message of " + length + " bytes exceeds payloadsize "
                    + maxMessageSize());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long due;
        lock.lock();
        try {
            while (true) {
                if (!live.isOpen()) {
                    throw new IOException("SRT connection to " + peer() + " is " + live.state());
                }
                long now = multiplexer.now();
                if (live.send(message, offset, length, now)) {
                    due = live.nextWakeup(now); // usually the packet went out at once and nothing new is due
                    break;
                }
                long left = deadline - System.nanoTime();
                if (timeoutMillis > 0 && left <= 0) {
                    throw new SocketTimeoutException("SRT send buffer to " + peer() + " stayed full for "
                            + timeoutMillis + " ms");
                }
                writable.await(timeoutMillis > 0 ? Math.min(left, 10_000_000L) : 10_000_000L,
                        TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing to SRT peer " + peer());
        } finally {
            lock.unlock();
        }
        multiplexer.wakeTimerBy(due);
    }

    public void write(byte[] message) throws IOException {
        write(message, 0, message.length, 0);
    }

    /** A statistics snapshot; {@code clearInterval} starts a new interval (as libsrt's srt_bstats clear flag). */
    public SrtStats stats(boolean clearInterval) {
        lock.lock();
        try {
            return live.stats(multiplexer.now(), clearInterval);
        } finally {
            lock.unlock();
        }
    }

    public boolean isOpen() {
        return live.isOpen();
    }

    /** Why the connection is no longer open (CONNECTED while it is). */
    public LiveConnection.State state() {
        return live.state();
    }

    /** Messages the application did not read in time and that were discarded. */
    public long messagesDroppedByReader() {
        return received.discarded();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            live.close(multiplexer.now());
        } finally {
            lock.unlock();
        }
        end();
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        received.end();
        multiplexer.unregister(negotiated.localSocketId());
        LOG.info("SRT connection {} with {} (stream id '{}') ended: {}", Integer.toHexString(localSocketId()), peer(),
                streamId(), live.state());
        onClose.run();
    }

    @Override
    public String toString() {
        return "SrtConnection[" + Integer.toHexString(localSocketId()) + " <-> " + peer() + ", streamid='"
                + streamId() + "', " + live.state() + "]";
    }

    /** The multiplexer's view: packets in, timers, and the end of the connection. */
    final class Endpoint implements SrtMultiplexer.Endpoint {
        @Override
        public void onPacket(SrtPacket packet, InetSocketAddress from, long now) {
            long due;
            lock.lock();
            try {
                live.onPacket(packet, now);
                due = afterInput(now);
            } finally {
                lock.unlock();
            }
            settle(due);
        }

        @Override
        public void onData(DataPacketHolder packet, InetSocketAddress from, long now) {
            long due;
            lock.lock();
            try {
                live.onData(packet, now);
                due = afterInput(now);
            } finally {
                lock.unlock();
            }
            settle(due);
        }

        /** After a packet went in (lock held): run timers that fell due, wake writers; returns the next wake-up. */
        private long afterInput(long now) {
            long due = live.nextWakeup(now);
            if (due <= now) {
                live.tick(now);
                due = live.nextWakeup(now);   // asked again only when the timers ran: once per packet otherwise
            }
            writable.signalAll();
            return due;
        }

        /** After the lock is released: tell the timer thread when to come back, and end a closed connection. */
        private void settle(long due) {
            multiplexer.wakeTimerBy(due);
            if (!live.isOpen()) {
                end();
            }
        }

        @Override
        public void tick(long now) {
            lock.lock();
            try {
                live.tick(now);
                writable.signalAll();
            } finally {
                lock.unlock();
            }
            if (!live.isOpen()) {
                end();
            }
        }

        @Override
        public long nextWakeup(long now) {
            lock.lock();
            try {
                return live.nextWakeup(now);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean finished() {
            return ended;
        }
    }
}

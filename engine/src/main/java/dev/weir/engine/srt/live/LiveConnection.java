package dev.weir.engine.srt.live;

import dev.weir.engine.srt.crypto.KeyMaterialMessage;
import dev.weir.engine.srt.crypto.KeyRotation;
import dev.weir.engine.srt.crypto.KeyUnwrapException;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.handshake.HandshakeConfig;
import dev.weir.engine.srt.handshake.KeyMaterialExchange;
import dev.weir.engine.srt.handshake.LegacySrtHandshake;
import dev.weir.engine.srt.handshake.SrtFlags;
import dev.weir.engine.srt.handshake.KmState;
import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DropRequestPacket;
import dev.weir.engine.srt.packet.KeepAlivePacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.ShutdownPacket;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.packet.Timestamps;
import dev.weir.engine.srt.packet.UserDefinedPacket;
import dev.weir.engine.srt.stats.KeyMaterialEvent;
import dev.weir.engine.srt.stats.SrtCounters;
import dev.weir.engine.srt.stats.SrtStats;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * One established live SRT connection, without I/O: a {@link SrtSender} and a {@link SrtReceiver} (an SRT
 * connection carries data both ways), the data-path encryption with key refresh in both directions, keep-alive,
 * peer idle timeout, shutdown and statistics. The socket layer gives it every packet addressed to this connection
 * ({@link #onPacket}), calls {@link #tick} when {@link #nextWakeup} comes, and sends what it puts in the
 * {@link PacketSink}; received messages come out of the delivery callback in order at their TSBPD time.
 *
 * <p>Encryption: the handshake yields the stream keys; this side's sender encrypts with its own copy and rotates it
 * every {@code kmrefreshrate} packets ({@link KeyRotation}): the next key is announced {@code kmpreannounce} packets
 * ahead in an in-band KMREQ (re-sent until the peer's KMRSP), used from the switch on, and the old one retired
 * {@code kmpreannounce} packets later. Received KMREQs update the receive keys and are answered with a KMRSP echoing
 * them. A packet whose key is not (yet) known counts as {@code pktRcvUndecrypt} and is treated as lost, so its
 * retransmission after the key material arrives fills the gap: a key switch loses nothing.
 *
 * <p>Not thread-safe: the socket layer serialises calls (one lock per connection).
 */
public final class LiveConnection {

    public static final long KEEPALIVE_INTERVAL_MICROS = 1_000_000;
    private static final long KM_RESEND_MIN_MICROS = 20_000;
    private static final int KM_RESEND_LIMIT = 20;
    private static final int KM_EVENT_HISTORY = 16;

    public enum State { CONNECTED, CLOSED_BY_PEER, CLOSED, BROKEN }

    /**
     * @param sender            sender settings
     * @param receiver          receiver settings
     * @param peerIdleTimeoutMs {@code peeridletimeo}
     * @param keys              the stream keys the handshake agreed, null for a clear connection
     * @param passphrase        needed to copy the keys for the sending direction and to follow a peer's new salt
     * @param kmRefreshRate     packets per key (effective {@code kmrefreshrate})
     * @param kmPreAnnounce     packets of overlap (effective {@code kmpreannounce})
     * @param mss               for statistics
     * @param legacyHandshake   for an HSv4 peer (SRT before 1.3): our handshake settings, to answer the UMSG_EXT
     *                          HSREQ that carries its SRT settings after the connection; null for HSv5
     */
    public record Config(SrtSender.Config sender, SrtReceiver.Config receiver, int peerIdleTimeoutMs,
                         StreamKeys keys, Passphrase passphrase, long kmRefreshRate, long kmPreAnnounce,
                         long maxBandwidth, long inputBandwidth, long minInputBandwidth, int overheadPercent,
                         int mss, HandshakeConfig legacyHandshake) {
    }

    private final Config config;
    private final SrtCounters counters = new SrtCounters();
    private final PacketSink out;
    private final SrtSender sender;
    private final SrtReceiver receiver;
    private final SecureRandom random;
    private final long startMicros;
    private StreamKeys sendKeys;
    private StreamKeys receiveKeys;
    private final KeyRotation rotation;
    private final Deque<KeyMaterialEvent> keyEvents = new ArrayDeque<>();
    private long keySwitches;
    private byte[] pendingKmRequest;
    private long kmResendAt;
    private int kmResends;
    private State state = State.CONNECTED;
    private long lastSentMicros;
    private long lastReceivedMicros;
    private SrtCounters intervalStart = new SrtCounters();
    private long intervalStartMicros;
    /** The time of the call being processed: what the sink records as the last send. */
    private long currentTime;

    public LiveConnection(Config config, PacketSink out, Consumer<DataPacket> delivery, SecureRandom random,
                          long now) {
        this.config = config;
        this.random = random;
        this.startMicros = config.sender().localStartMicros();
        this.out = packet -> {
            lastSentMicros = currentTime;
            out.send(packet);
        };
        InputRateEstimator inputRate = new InputRateEstimator();
        LiveCongestionControl congestion = new LiveCongestionControl(config.maxBandwidth(), config.inputBandwidth(),
                config.minInputBandwidth(), config.overheadPercent(), config.sender().maxPayloadSize(), inputRate);
        this.sender = new SrtSender(config.sender(), counters, this.out, congestion, inputRate);
        this.receiver = new SrtReceiver(config.receiver(), counters, this.out, delivery);
        this.receiveKeys = config.keys();
        if (config.keys() != null) {
            try {
                // The sending direction gets its own copy: its refresh must not replace keys the peer still uses.
                KeyFlags held = config.keys().has(KeyFlags.EVEN) ? KeyFlags.EVEN : KeyFlags.ODD;
                this.sendKeys = StreamKeys.fromKeyMaterial(config.passphrase(), config.keys().keyMaterial(held));
            } catch (KeyUnwrapException e) {
                throw new IllegalStateException("own key material does not unwrap", e);
            }
            this.rotation = new KeyRotation(config.kmRefreshRate(), config.kmPreAnnounce());
        } else {
            this.rotation = null;
        }
        this.currentTime = now;
        this.lastSentMicros = now;
        this.lastReceivedMicros = now;
        this.intervalStartMicros = now;
    }

    public State state() {
        return state;
    }

    public boolean isOpen() {
        return state == State.CONNECTED;
    }

    /** A packet from the peer (already routed to this connection by destination socket id). */
    public void onPacket(SrtPacket packet, long now) {
        currentTime = now;
        if (state != State.CONNECTED) {
            return;
        }
        lastReceivedMicros = now;
        switch (packet) {
            case DataPacket d -> onData(d, now);
            case AckPacket a -> sender.onAck(a, now);
            case NakPacket n -> sender.onNak(n, now);
            case AckAckPacket a -> receiver.onAckAck(a, now);
            case DropRequestPacket d -> receiver.onDropRequest(d, now);
            case ShutdownPacket s -> {
                receiver.flush();
                state = State.CLOSED_BY_PEER;
            }
            case UserDefinedPacket u when u.subtype() == UserDefinedPacket.SUBTYPE_KMREQ -> onKmRequest(u, now);
            case UserDefinedPacket u when u.subtype() == UserDefinedPacket.SUBTYPE_KMRSP -> onKmResponse(u, now);
            case UserDefinedPacket u when u.subtype() == UserDefinedPacket.SUBTYPE_HSREQ
                    && config.legacyHandshake() != null -> onLegacyHsReq(u, now);
            default -> {
                // Keep-alive (refreshed the idle timer), handshake repeats (answered by the socket layer), others.
            }
        }
    }

    private void onData(DataPacket d, long now) {
        KeyFlags key = d.key();
        if (key != KeyFlags.NONE) {
            byte[] payload = d.payload();
            if (receiveKeys == null || !receiveKeys.transform(key, d.sequenceNumber(), payload, 0, payload.length)) {
                receiver.onUndecryptable(d, now);
                return;
            }
        }
        receiver.onData(d, now);
    }

    /**
     * Sends one message (at most {@code payloadsize} bytes); the array is not kept.
     *
     * @return false when the send buffer is full
     */
    public boolean send(byte[] message, int offset, int length, long now) {
        currentTime = now;
        if (state != State.CONNECTED) {
            throw new IllegalStateException("connection is " + state);
        }
        byte[] payload = Arrays.copyOfRange(message, offset, offset + length);
        KeyFlags key = KeyFlags.NONE;
        if (sendKeys != null) {
            if (sender.bufferFull()) {
                return false;
            }
            applyRotation(rotation.onPacket(), now);
            key = rotation.activeKey();
            if (!sendKeys.transform(key, sender.nextSequence(), payload, 0, payload.length)) {
                // Never send plaintext flagged as encrypted.
                throw new IllegalStateException("no " + key + " key to encrypt with");
            }
        }
        boolean queued = sender.submit(payload, key, now);
        if (queued) {
            sender.tick(now);
        }
        return queued;
    }

    private void applyRotation(KeyRotation.Action action, long now) {
        KeyFlags active = rotation.activeKey();
        KeyFlags other = active == KeyFlags.EVEN ? KeyFlags.ODD : KeyFlags.EVEN;
        switch (action) {
            case NONE -> {
            }
            case PRE_ANNOUNCE -> {
                sendKeys.regenerate(other, random);
                sendKmRequest(sendKeys.keyMaterial(KeyFlags.BOTH), now);
                event(now, KeyMaterialEvent.Kind.PRE_ANNOUNCED, other);
            }
            case SWITCH -> {
                keySwitches++;
                event(now, KeyMaterialEvent.Kind.SWITCHED, active);
            }
            case DECOMMISSION -> {
                sendKeys.forget(other);
                sendKmRequest(sendKeys.keyMaterial(active), now);
                event(now, KeyMaterialEvent.Kind.DECOMMISSIONED, other);
            }
        }
    }

    private void sendKmRequest(KeyMaterialMessage km, long now) {
        pendingKmRequest = km.encode();
        kmResends = 0;
        transmitKmRequest(now);
    }

    private void transmitKmRequest(long now) {
        out.send(new UserDefinedPacket(UserDefinedPacket.SUBTYPE_KMREQ, 0, pendingKmRequest, timestamp(now),
                config.sender().peerSocketId()));
        long interval = Math.max(KM_RESEND_MIN_MICROS, sender.rttMicros() * 3L / 2);
        kmResendAt = now + interval;
    }

    /** An HSv4 peer's SRT settings, answered by the handshake package's {@link LegacySrtHandshake}. */
    private void onLegacyHsReq(UserDefinedPacket u, long now) {
        LegacySrtHandshake.Answer answer;
        try {
            answer = LegacySrtHandshake.answerHsReq(u, config.legacyHandshake(), config.sender().peerSocketId(),
                    timestamp(now));
        } catch (MalformedPacketException e) {
            return; // a malformed HSREQ is ignored, as libsrt does; the peer repeats it
        }
        long peerTimestamp = Timestamps.unsigned(u.timestamp());
        receiver.applyLegacyHandshake(answer.receiveLatencyMs() * 1000L, now - peerTimestamp, peerTimestamp,
                config.receiver().tooLatePacketDrop() && (answer.peerFlags() & SrtFlags.TLPKTDROP) != 0);
        out.send(answer.hsrsp());
    }

    /** The peer refreshes its keys: answered by the handshake package's {@link KeyMaterialExchange}. */
    private void onKmRequest(UserDefinedPacket u, long now) {
        KeyMaterialExchange.Answer answer;
        KeyFlags announced;
        try {
            announced = KeyMaterialMessage.decode(u.body()).keys();
            answer = KeyMaterialExchange.answerKmReq(u, receiveKeys, config.passphrase(),
                    config.sender().peerSocketId(), timestamp(now));
        } catch (MalformedPacketException e) {
            event(now, KeyMaterialEvent.Kind.PEER_REJECTED, KeyFlags.BOTH);
            return;
        }
        if (answer.state() == KmState.SECURED) {
            receiveKeys = answer.keys();
            // A message with one key retires the other (decommission): forget it, so that a packet still flagged
            // with it is counted undecryptable and recovered, instead of decrypting to garbage.
            if (announced == KeyFlags.EVEN) {
                receiveKeys.forget(KeyFlags.ODD);
            } else if (announced == KeyFlags.ODD) {
                receiveKeys.forget(KeyFlags.EVEN);
            }
            event(now, KeyMaterialEvent.Kind.PEER_REFRESHED, announced);
        } else {
            event(now, KeyMaterialEvent.Kind.PEER_REJECTED, announced);
        }
        out.send(answer.kmrsp());
    }

    private void onKmResponse(UserDefinedPacket u, long now) {
        if (pendingKmRequest != null && Arrays.equals(pendingKmRequest, u.body())) {
            pendingKmRequest = null;
            event(now, KeyMaterialEvent.Kind.PEER_ACKNOWLEDGED, KeyFlags.BOTH);
        } else if (u.body().length == 4) {
            pendingKmRequest = null;
            event(now, KeyMaterialEvent.Kind.PEER_REJECTED, KeyFlags.BOTH);
        }
    }

    private void event(long now, KeyMaterialEvent.Kind kind, KeyFlags key) {
        if (keyEvents.size() == KM_EVENT_HISTORY) {
            keyEvents.removeFirst();
        }
        keyEvents.addLast(new KeyMaterialEvent((now - startMicros) / 1000, kind, keyName(key)));
    }

    private static String keyName(KeyFlags key) {
        return switch (key) {
            case EVEN -> "even";
            case ODD -> "odd";
            case BOTH -> "both";
            case NONE -> "none";
        };
    }

    /** Timers: sending, ACK/NAK, delivery, keep-alive, idle timeout, key material re-sends. */
    public void tick(long now) {
        currentTime = now;
        if (state != State.CONNECTED) {
            return;
        }
        if (config.peerIdleTimeoutMs() > 0 && now - lastReceivedMicros >= config.peerIdleTimeoutMs() * 1000L) {
            state = State.BROKEN;
            return;
        }
        sender.tick(now);
        receiver.tick(now);
        if (pendingKmRequest != null && now >= kmResendAt) {
            if (++kmResends > KM_RESEND_LIMIT) {
                pendingKmRequest = null;
            } else {
                transmitKmRequest(now);
            }
        }
        if (now - lastSentMicros >= KEEPALIVE_INTERVAL_MICROS) {
            out.send(new KeepAlivePacket(timestamp(now), config.sender().peerSocketId()));
        }
    }

    /** When {@link #tick} should next run. */
    public long nextWakeup(long now) {
        if (state != State.CONNECTED) {
            return Long.MAX_VALUE;
        }
        long next = Math.min(sender.nextWakeup(now), receiver.nextWakeup(now));
        next = Math.min(next, lastSentMicros + KEEPALIVE_INTERVAL_MICROS);
        if (config.peerIdleTimeoutMs() > 0) {
            next = Math.min(next, lastReceivedMicros + config.peerIdleTimeoutMs() * 1000L);
        }
        if (pendingKmRequest != null) {
            next = Math.min(next, kmResendAt);
        }
        return Math.max(now, next);
    }

    /** Closes from our side: tells the peer (libsrt sends one shutdown packet). */
    public void close(long now) {
        currentTime = now;
        if (state == State.CONNECTED) {
            out.send(new ShutdownPacket(timestamp(now), config.sender().peerSocketId()));
        }
        if (state == State.CONNECTED || state == State.CLOSED_BY_PEER) {
            state = State.CLOSED;
        }
    }

    private int timestamp(long now) {
        return Timestamps.toWire(now - startMicros);
    }

    public SrtSender sender() {
        return sender;
    }

    public SrtReceiver receiver() {
        return receiver;
    }

    /** Live counters (for tests; the socket layer reads {@link #stats}). */
    public SrtCounters counters() {
        return counters;
    }

    /**
     * A statistics snapshot.
     *
     * @param clearInterval start a new interval after this snapshot (libsrt's {@code clear} argument)
     */
    public SrtStats stats(long now, boolean clearInterval) {
        SrtCounters c = counters;
        SrtCounters i = intervalStart;
        long intervalMicros = Math.max(1, now - intervalStartMicros);
        SrtStats.Totals totals = new SrtStats.Totals(c.pktSent, c.pktSentUnique, c.pktRecv, c.pktRecvUnique,
                c.pktSndLoss, c.pktRcvLoss, c.pktRetrans, c.pktRcvRetrans, c.pktSndDrop, c.pktRcvDrop,
                c.pktRcvUndecrypt, c.pktRcvBelated, c.pktSentAck, c.pktRecvAck, c.pktSentNak, c.pktRecvNak,
                c.byteSent, c.byteSentUnique, c.byteRecv, c.byteRecvUnique, c.byteRcvLoss, c.byteRetrans,
                c.byteSndDrop, c.byteRcvDrop, c.byteRcvUndecrypt);
        long byteSent = c.byteSent - i.byteSent;
        long byteRecv = c.byteRecv - i.byteRecv;
        long pktSent = c.pktSent - i.pktSent;
        long pktRecv = c.pktRecv - i.pktRecv;
        // libsrt's rates count the 44 header bytes of every packet too.
        double mbpsSend = (byteSent + pktSent * LiveCongestionControl.PACKET_HEADER_BYTES) * 8.0 / intervalMicros;
        double mbpsRecv = (byteRecv + pktRecv * LiveCongestionControl.PACKET_HEADER_BYTES) * 8.0 / intervalMicros;
        SrtStats.Interval interval = new SrtStats.Interval(intervalMicros / 1000, pktSent,
                c.pktSentUnique - i.pktSentUnique, pktRecv, c.pktRecvUnique - i.pktRecvUnique,
                c.pktSndLoss - i.pktSndLoss, c.pktRcvLoss - i.pktRcvLoss, c.pktRetrans - i.pktRetrans,
                c.pktRcvRetrans - i.pktRcvRetrans, c.pktSndDrop - i.pktSndDrop, c.pktRcvDrop - i.pktRcvDrop,
                c.pktRcvUndecrypt - i.pktRcvUndecrypt, c.pktRcvBelated - i.pktRcvBelated,
                c.pktSentAck - i.pktSentAck, c.pktRecvAck - i.pktRecvAck, c.pktSentNak - i.pktSentNak,
                c.pktRecvNak - i.pktRecvNak, byteSent, c.byteSentUnique - i.byteSentUnique,
                c.byteSndDrop - i.byteSndDrop, byteRecv, c.byteRecvUnique - i.byteRecvUnique,
                c.byteRcvLoss - i.byteRcvLoss, c.byteRcvDrop - i.byteRcvDrop, mbpsSend, mbpsRecv);
        int payload = config.sender().maxPayloadSize();
        int rtt = receiver.rttMicros() != RttEstimator.INITIAL_RTT_MICROS || sender.rttMicros()
                == RttEstimator.INITIAL_RTT_MICROS ? receiver.rttMicros() : sender.rttMicros();
        int rttVar = rtt == receiver.rttMicros() ? receiver.rttVarMicros() : sender.rttVarMicros();
        int capacity = Math.max(sender.peerLinkCapacity(), receiver.linkCapacityPacketsPerSecond());
        double mbpsBandwidth = capacity * (payload + LiveCongestionControl.PACKET_HEADER_BYTES) * 8.0 / 1_000_000;
        int rcvBufferPackets = config.receiver().bufferPackets();
        SrtStats.Instant instant = new SrtStats.Instant(sender.packetPeriodMicros(), sender.flowWindow(),
                sender.flowWindow(), sender.flightSize(), rtt / 1000.0, rttVar / 1000.0, mbpsBandwidth,
                sender.bandwidthCeiling() * 8.0 / 1_000_000, config.mss(), sender.bufferedPackets(),
                sender.bufferedBytes(), sender.bufferedMillis(now),
                (int) (config.sender().peerLatencyMicros() / 1000),
                (long) (config.sender().bufferPackets() - sender.bufferedPackets()) * payload,
                receiver.bufferedPackets(), receiver.bufferedBytes(), receiver.bufferedMillis(),
                (int) (receiver.latencyMicros() / 1000), (long) receiver.availableBufferPackets() * payload,
                receiver.reorderTolerance());
        SrtStats.KeyMaterialStatus keys = sendKeys == null ? SrtStats.KeyMaterialStatus.CLEAR
                : new SrtStats.KeyMaterialStatus(true, sendKeys.keyLength().bytes(), keyName(rotation.activeKey()),
                keySwitches, keyEvents.stream().toList());
        if (clearInterval) {
            intervalStart = c.copy();
            intervalStartMicros = now;
        }
        return new SrtStats((now - startMicros) / 1000, totals, interval, instant, keys);
    }
}

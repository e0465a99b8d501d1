package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DropRequestPacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MessageNo;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.PacketPosition;
import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.SeqRange;
import dev.weir.engine.srt.packet.Timestamps;
import dev.weir.engine.srt.stats.SrtCounters;

/**
 * The sending half of a live SRT connection, without I/O. The application {@link #submit submits} messages (one
 * packet each, already encrypted by the caller if needed); {@link #tick} sends what pacing allows, retransmissions
 * first; ACKs release the buffer (and are answered with ACKACK), NAKs queue retransmissions.
 *
 * <p>As libsrt 1.5 in live mode:
 * <ul>
 *   <li>Pacing by {@link LiveCongestionControl}; every 16th packet and the next go back to back (packet-pair probe
 *       for the receiver's link capacity estimate).</li>
 *   <li>Flow window: no more packets in flight than the smaller of the peer's {@code fc} and the free buffer it last
 *       reported.</li>
 *   <li>A NAKed packet is retransmitted at once the first time; again only if its last retransmission is older than
 *       {@code SRTT - 4·RTTVar} (libsrt's "retransmit right time", so periodic NAKs don't multiply copies).</li>
 *   <li>Too-late drop: with TLPKTDROP and {@code snddropdelay >= 0}, packets older than
 *       {@code max(peer latency + snddropdelay, 1000 ms) + 20 ms} leave the buffer ({@code pktSndDrop}) and a drop
 *       request tells the receiver not to wait for them.</li>
 * </ul>
 * Not thread-safe: the connection calls it under its own lock.
 */
public final class SrtSender {

    private static final long MIN_DROP_THRESHOLD_MICROS = 1_000_000;
    private static final long DROP_MARGIN_MICROS = 2 * SrtReceiver.ACK_INTERVAL_MICROS;

    /**
     * @param initialSeq        our initial sequence number
     * @param peerSocketId      destination of everything we send
     * @param localStartMicros  our connection start (packet timestamps count from it)
     * @param peerLatencyMicros TSBPD delay the peer applies to our packets (negotiated)
     * @param tooLatePacketDrop whether too-late drop was agreed in the handshake
     * @param senderDropDelayMs {@code snddropdelay}: -1 disables the sender's drop
     * @param flowWindowPackets the peer's {@code fc} from the handshake
     * @param bufferPackets     send buffer capacity
     * @param maxPayloadSize    {@code payloadsize}
     */
    public record Config(int initialSeq, int peerSocketId, long localStartMicros, long peerLatencyMicros,
                         boolean tooLatePacketDrop, int senderDropDelayMs, int flowWindowPackets, int bufferPackets,
                         int maxPayloadSize) {
    }

    private final Config config;
    private final SrtCounters counters;
    private final PacketSink out;
    private final LiveCongestionControl congestion;
    private final InputRateEstimator inputRate;
    private final SendBuffer buffer;
    private final LossList losses = new LossList();
    private final RttEstimator rtt = new RttEstimator();
    private int nextMessageNumber = 1;
    /** Offset in the buffer of the first packet never sent. */
    private int unsentOffset;
    private int peerAvailableBuffer;
    private double nextSendMicros;
    private int peerLinkCapacity;
    private int peerReceiveRate;
    private int lastAckSeq;

    public SrtSender(Config config, SrtCounters counters, PacketSink out, LiveCongestionControl congestion,
                     InputRateEstimator inputRate) {
        this.config = config;
        this.counters = counters;
        this.out = out;
        this.congestion = congestion;
        this.inputRate = inputRate;
        this.buffer = new SendBuffer(config.bufferPackets(), config.initialSeq());
        this.peerAvailableBuffer = config.flowWindowPackets();
        this.lastAckSeq = config.initialSeq();
        this.nextSendMicros = config.localStartMicros();
    }

    /**
     * Queues one message as one packet.
     *
     * @param payload at most {@code payloadsize} bytes, owned by the sender from now on (encrypted if key != NONE)
     * @param key     which key encrypted the payload
     * @return false when the send buffer is full (the caller may wait or drop)
     */
    public boolean submit(byte[] payload, KeyFlags key, long now) {
        if (payload.length > config.maxPayloadSize()) {
            throw new IllegalArgumentException("message of " + payload.length + " bytes exceeds payloadsize "
                    + config.maxPayloadSize());
        }
        if (buffer.isFull()) {
            return false;
        }
        DataPacket p = new DataPacket(buffer.endSeq(), PacketPosition.SOLO, false, key, false, nextMessageNumber,
                Timestamps.toWire(now - config.localStartMicros()), config.peerSocketId(), payload);
        nextMessageNumber = MessageNo.next(nextMessageNumber);
        boolean wasIdle = unsentOffset == buffer.count() && losses.isEmpty();
        buffer.append(p, now);
        counters.pktSentUnique++;
        counters.byteSentUnique += payload.length;
        inputRate.onPacket(payload.length, now);
        congestion.onPacketSubmitted(payload.length);
        if (wasIdle && nextSendMicros < now) {
            nextSendMicros = now;
        }
        return true;
    }

    public boolean bufferFull() {
        return buffer.isFull();
    }

    /** The sequence number the next submitted packet gets. */
    public int nextSequence() {
        return buffer.endSeq();
    }

    /** An ACK (full, small or light). Full ones are answered with an ACKACK. */
    public void onAck(AckPacket ack, long now) {
        counters.pktRecvAck++;
        int seq = ack.lastAcknowledged();
        int offset = buffer.offsetOf(seq);
        if (offset > 0 && offset <= buffer.count()) {
            for (int k = 0; k < offset; k++) {
                buffer.removeFirst();
            }
            unsentOffset = Math.max(0, unsentOffset - offset);
            losses.removeUpTo(SeqNo.previous(seq));
        }
        if (SeqNo.after(seq, lastAckSeq)) {
            lastAckSeq = seq;
        }
        if (ack.kind() == AckPacket.Kind.LIGHT) {
            return;
        }
        rtt.onPeerReport(ack.rttMicros(), ack.rttVarianceMicros());
        peerAvailableBuffer = ack.availableBufferPackets();
        if (ack.kind() == AckPacket.Kind.FULL) {
            if (ack.estimatedLinkCapacity() > 0) {
                peerLinkCapacity = ack.estimatedLinkCapacity();
            }
            peerReceiveRate = ack.packetsReceivingRate();
        }
        congestion.update();
        if (ack.ackNumber() != 0) {
            out.send(new AckAckPacket(ack.ackNumber(), timestamp(now), config.peerSocketId()));
        }
    }

    /** A loss report: queue the packets we still hold for retransmission. */
    public void onNak(NakPacket nak, long now) {
        counters.pktRecvNak++;
        int added = 0;
        for (SeqRange range : nak.losses()) {
            int first = range.first();
            int last = range.last();
            int firstOffset = Math.max(0, buffer.offsetOf(first));
            int lastOffset = Math.min(unsentOffset - 1, buffer.offsetOf(last));
            if (buffer.offsetOf(last) < 0 || firstOffset > lastOffset) {
                continue;
            }
            added += losses.add(SeqNo.add(buffer.firstSeq(), firstOffset), SeqNo.add(buffer.firstSeq(), lastOffset));
        }
        counters.pktSndLoss += added;
    }

    /** Sends what pacing and the flow window allow, after dropping what is too late. */
    public void tick(long now) {
        dropTooLate(now);
        int guard = buffer.capacity() + losses.packetCount() + 1;
        while (nextSendMicros <= now && guard-- > 0) {
            boolean probe = false;
            if (!sendRetransmission(now)) {
                int sentSeq = sendNew();
                if (sentSeq < 0) {
                    return;
                }
                probe = (sentSeq & 0xF) == 0;
            }
            if (!probe) {
                nextSendMicros += congestion.packetPeriodMicros();
            }
        }
    }

    /** The next time {@link #tick} can send something (or {@code Long.MAX_VALUE} when idle). */
    public long nextWakeup(long now) {
        boolean hasWork = !losses.isEmpty() || (unsentOffset < buffer.count() && flightSize() < window());
        long next = hasWork ? (long) Math.ceil(nextSendMicros) : Long.MAX_VALUE;
        if (buffer.count() > 0 && dropEnabled()) {
            next = Math.min(next, buffer.originAt(0) + dropThresholdMicros() + 1);
        }
        return Math.max(now, next);
    }

    private boolean sendRetransmission(long now) {
        while (!losses.isEmpty()) {
            int seq = losses.poll();
            int offset = buffer.offsetOf(seq);
            if (offset < 0 || offset >= unsentOffset) {
                continue;
            }
            long last = buffer.lastRetransmitAt(offset);
            if (last != Long.MIN_VALUE && last >= now - (rtt.rttMicros() - 4L * rtt.rttVarMicros())) {
                continue; // retransmitted recently enough: this NAK is probably a periodic repeat
            }
            DataPacket p = buffer.at(offset).asRetransmission();
            buffer.markRetransmitted(offset, now);
            out.send(p);
            counters.pktSent++;
            counters.byteSent += p.payload().length;
            counters.pktRetrans++;
            counters.byteRetrans += p.payload().length;
            return true;
        }
        return false;
    }

    private int sendNew() {
        if (unsentOffset >= buffer.count() || flightSize() >= window()) {
            return -1;
        }
        DataPacket p = buffer.at(unsentOffset++);
        out.send(p);
        counters.pktSent++;
        counters.byteSent += p.payload().length;
        return p.sequenceNumber();
    }

    private int window() {
        return Math.min(config.flowWindowPackets(), Math.max(peerAvailableBuffer, 2));
    }

    private boolean dropEnabled() {
        return config.tooLatePacketDrop() && config.senderDropDelayMs() >= 0;
    }

    private long dropThresholdMicros() {
        return Math.max(config.peerLatencyMicros() + config.senderDropDelayMs() * 1000L, MIN_DROP_THRESHOLD_MICROS)
                + DROP_MARGIN_MICROS;
    }

    private void dropTooLate(long now) {
        if (!dropEnabled() || buffer.count() == 0) {
            return;
        }
        long oldest = now - dropThresholdMicros();
        int dropped = 0;
        int first = buffer.firstSeq();
        int firstMessage = buffer.count() > 0 ? buffer.at(0).messageNumber() : 0;
        while (buffer.count() > 0 && buffer.originAt(0) < oldest) {
            DataPacket p = buffer.removeFirst();
            counters.pktSndDrop++;
            counters.byteSndDrop += p.payload().length;
            dropped++;
        }
        if (dropped == 0) {
            return;
        }
        unsentOffset = Math.max(0, unsentOffset - dropped);
        int last = SeqNo.add(first, dropped - 1);
        losses.removeUpTo(last);
        out.send(new DropRequestPacket(firstMessage, new SeqRange(first, last), timestamp(now), config.peerSocketId()));
    }

    private int timestamp(long now) {
        return Timestamps.toWire(now - config.localStartMicros());
    }

    // --- state for statistics and tests ---

    /** Packets sent and not yet acknowledged (libsrt pktFlightSize). */
    public int flightSize() {
        return unsentOffset;
    }

    /** Current flow window (libsrt pktFlowWindow). */
    public int flowWindow() {
        return window();
    }

    public int bufferedPackets() {
        return buffer.count();
    }

    public long bufferedBytes() {
        return buffer.bytes();
    }

    /** Age of the oldest unacknowledged packet in ms (libsrt msSndBuf). */
    public int bufferedMillis(long now) {
        return buffer.count() == 0 ? 0 : (int) ((now - buffer.originAt(0)) / 1000);
    }

    public int rttMicros() {
        return rtt.rttMicros();
    }

    public int rttVarMicros() {
        return rtt.rttVarMicros();
    }

    public int pendingRetransmissions() {
        return losses.packetCount();
    }

    public double packetPeriodMicros() {
        return congestion.packetPeriodMicros();
    }

    public long bandwidthCeiling() {
        return congestion.bandwidthCeiling();
    }

    /** The receiver's link capacity estimate, packets per second (0 until reported). */
    public int peerLinkCapacity() {
        return peerLinkCapacity;
    }

    public int peerReceiveRate() {
        return peerReceiveRate;
    }

    public int lastAcknowledged() {
        return lastAckSeq;
    }
}

package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.DropRequestPacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MessageNo;
import dev.weir.engine.srt.packet.NakPacket;
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
 *       for the receiver's link capacity estimate). A packet may leave up to {@link #PACING_SLACK_MICROS} before its
 *       paced time (the average rate is unchanged: the pacing clock still advances one period per packet).</li>
 *   <li>Flow window: no more packets in flight than the smaller of the peer's {@code fc} and the free buffer it last
 *       reported.</li>
 *   <li>A NAKed packet is retransmitted at once the first time; again only if its last retransmission is older than
 *       {@code SRTT - 4·RTTVar} (libsrt's "retransmit right time", so periodic NAKs don't multiply copies). From
 *       a packet's {@link #DOUBLED_FROM_COPY third} retransmission on, each goes out twice (Weir's, not libsrt's).</li>
 *   <li>Too-late drop: with TLPKTDROP and {@code snddropdelay >= 0}, packets older than
 *       {@code max(peer latency + snddropdelay, 1000 ms) + 20 ms} leave the buffer ({@code pktSndDrop}) and a drop
 *       request tells the receiver not to wait for them.</li>
 *   <li>Tail probe (Weir's, not libsrt's): a lost <em>last</em> packet is revealed by no later packet, so the
 *       receiver never NAKs it, and libsrt's blind retransmission (FASTREXMIT) is off when the peer sends periodic
 *       NAKs. When everything buffered has been sent, nothing new has gone out for
 *       {@code k·(SRTT + 4·RTTVar + 20 ms) + 10 ms} (libsrt's ACK-timeout formula, k = 1, 2, ...) and packets are
 *       still unacknowledged, the last one sent is retransmitted once (k-th probe); if it was lost, its arrival
 *       makes the receiver NAK whatever else of the tail is missing. One packet per ACK timeout (as libsrt counts
 *       its blind retransmissions), ended by new data, an acknowledgement of everything, or the too-late drop
 *       (at least 1 s), and by the peer idle timeout if the peer is gone with {@code snddropdelay=-1}.</li>
 * </ul>
 * Not thread-safe: the connection calls it under its own lock.
 */
public final class SrtSender {

    /**
     * How early a paced packet may go. The socket layer sends what {@link #tick} releases on the writer's thread and
     * wakes its timer thread only for what is left; a timer thread cannot wake much more precisely than this anyway
     * (Linux's default timer slack alone is 50 µs), so the slack costs pacing nothing real, while without it a writer
     * handing over a burst of messages (e.g. the UDP input of {@code weir transmit}, read every millisecond) had all
     * but the first of each burst sent by the timer thread: a wake-up and a contended connection lock per packet,
     * the larger part of a sender's CPU at 100 Mbit/s (docs/performance.md).
     */
    static final long PACING_SLACK_MICROS = 250;
    /**
     * From this retransmission of a packet on, each goes out twice (Weir's, not libsrt's). A packet whose first two
     * copies were lost (or their NAKs were) is in a run of bad luck that its latency may not outlast: at 20 % loss
     * both ways, one try in three fails, and in a socket-free simulation of 120 000 packets (RTT 20 ms, latency 200
     * ms, {@code LiveLinkSimulationTest}) 14 ran out of tries with single copies. Two copies make a try fail only
     * when both are lost. It costs a copy for the few losses that get this far (about 13 % of them at 20 % loss
     * both ways, a fraction of a percent at 5 %), and never touches a first or second retransmission.
     */
    static final int DOUBLED_FROM_COPY = 3;
    private static final long MIN_DROP_THRESHOLD_MICROS = 1_000_000;
    private static final long DROP_MARGIN_MICROS = 2 * SrtReceiver.ACK_INTERVAL_MICROS;
    /** libsrt's COMM_SYN_INTERVAL (the ACK period), which its ACK-timeout retransmission formula adds. */
    private static final long SYN_INTERVAL_MICROS = SrtReceiver.ACK_INTERVAL_MICROS;

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
    /** When the last packet never sent before went out: the tail probe's clock starts there. */
    private long lastNewSendMicros;
    /** Tail probes sent since {@link #lastNewSendMicros}. */
    private int tailProbes;

    public SrtSender(Config config, SrtCounters counters, PacketSink out, LiveCongestionControl congestion,
                     InputRateEstimator inputRate) {
        this.config = config;
        this.counters = counters;
        this.out = out;
        this.congestion = congestion;
        this.inputRate = inputRate;
        this.buffer = new SendBuffer(config.bufferPackets(), config.initialSeq(), config.maxPayloadSize());
        this.peerAvailableBuffer = config.flowWindowPackets();
        this.lastAckSeq = config.initialSeq();
        this.nextSendMicros = config.localStartMicros();
    }

    /**
     * Queues one message as one packet.
     *
     * @param payload at most {@code payloadsize} bytes, copied (encrypted already if key != NONE)
     * @param key     which key encrypted the payload
     * @return false when the send buffer is full (the caller may wait or drop)
     */
    public boolean submit(byte[] payload, KeyFlags key, long now) {
        return append(payload, 0, payload.length, key, now) != null;
    }

    /**
     * Queues one message as one packet and returns the buffer's holder for it, which the connection encrypts in
     * place before the next {@link #tick} sends it; null when the send buffer is full.
     */
    DataPacketHolder append(byte[] message, int offset, int length, KeyFlags key, long now) {
        if (length > config.maxPayloadSize()) {
            throw new IllegalArgumentException("message of " + length + " bytes exceeds payloadsize "
                    + config.maxPayloadSize());
        }
        if (buffer.isFull()) {
            return null;
        }
        boolean wasIdle = unsentOffset == buffer.count() && losses.isEmpty();
        DataPacketHolder p = buffer.append(nextMessageNumber, key, Timestamps.toWire(now - config.localStartMicros()),
                config.peerSocketId(), message, offset, length, now);
        nextMessageNumber = MessageNo.next(nextMessageNumber);
        counters.pktSentUnique++;
        counters.byteSentUnique += length;
        inputRate.onPacket(length, now);
        congestion.onPacketSubmitted(length);
        if (wasIdle && nextSendMicros < now) {
            nextSendMicros = now;
        }
        return p;
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
        rtt.onPeerReport(ack.rttMicros(), ack.rttVarianceMicros(), counters.pktRecv > 0);
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
        if (now >= tailProbeDueMicros()) {
            tailProbes++;
            losses.add(lastSentSeq(), lastSentSeq());
        }
        int guard = buffer.capacity() + losses.packetCount() + 1;
        while (nextSendMicros <= now + PACING_SLACK_MICROS && guard-- > 0) {
            boolean probe = false;
            if (!sendRetransmission(now)) {
                int sentSeq = sendNew(now);
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
        long next = hasWork ? (long) Math.ceil(nextSendMicros) - PACING_SLACK_MICROS : tailProbeDueMicros();
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
            DataPacketHolder p = buffer.at(offset);
            p.setRetransmitted(true); // the original went out already; every later copy carries the R flag
            int copies = buffer.markRetransmitted(offset, now);
            sendCopy(p);
            if (copies >= DOUBLED_FROM_COPY) {
                sendCopy(p); // lost again and again: one more loss may be its last chance
            }
            return true;
        }
        return false;
    }

    private void sendCopy(DataPacketHolder p) {
        out.sendData(p);
        counters.pktSent++;
        counters.byteSent += p.payloadLength();
        counters.pktRetrans++;
        counters.byteRetrans += p.payloadLength();
    }

    private int sendNew(long now) {
        if (unsentOffset >= buffer.count() || flightSize() >= window()) {
            return -1;
        }
        lastNewSendMicros = now;
        tailProbes = 0;
        DataPacketHolder p = buffer.at(unsentOffset++);
        out.sendData(p);
        counters.pktSent++;
        counters.byteSent += p.payloadLength();
        return p.sequenceNumber();
    }

    /**
     * When the next tail probe is due: only while every buffered packet has been sent, some are unacknowledged and
     * no retransmission is queued; {@code Long.MAX_VALUE} otherwise.
     */
    private long tailProbeDueMicros() {
        if (unsentOffset == 0 || unsentOffset < buffer.count() || !losses.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long ackTimeout = rtt.rttMicros() + 4L * rtt.rttVarMicros() + 2 * SYN_INTERVAL_MICROS;
        return lastNewSendMicros + (tailProbes + 1) * ackTimeout + SYN_INTERVAL_MICROS;
    }

    private int lastSentSeq() {
        return SeqNo.add(buffer.firstSeq(), unsentOffset - 1);
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
            counters.pktSndDrop++;
            counters.byteSndDrop += buffer.removeFirst();
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

package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.DropRequestPacket;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.SeqRange;
import dev.weir.engine.srt.packet.Timestamps;
import dev.weir.engine.srt.stats.SrtCounters;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiving half of a live SRT connection, without I/O: it is given data packets, ACKACKs and drop requests with
 * the current time, and a clock tick; it answers with ACKs and NAKs through a {@link PacketSink} and hands packets
 * to the application through a delivery callback when their TSBPD time comes.
 *
 * <p>What it does, as libsrt 1.5 does it:
 * <ul>
 *   <li>A gap in sequence numbers is a loss: counted ({@code pktRcvLoss}), put in the loss list and NAKed at once
 *       (or, when reorder tolerance {@code lossmaxttl} is on, after that many further packets if the gap is still
 *       open). The tolerance starts at {@code lossmaxttl}, grows to the reorder distance actually seen (capped by
 *       {@code lossmaxttl}) and shrinks by one after 50 packets in a row arrive in order, or after 10 reordered packets
 *       in a row arrive with more than 2 packets of tolerance to spare.</li>
 *   <li>Periodic NAK ({@code nakreport}): while the loss list is not empty, the whole list is NAKed again every
 *       {@code max(20 ms, (RTT + 4·RTTVar) / 2)}.</li>
 *   <li>Full ACK every 10 ms (skipped if nothing new and the last one was acknowledged, or re-sent after
 *       RTT + 4·RTTVar without ACKACK), light ACK every 64 packets in between. The ACK sequence is the first
 *       packet not received.</li>
 *   <li>ACKACK gives an RTT sample ({@link RttEstimator}) and a drift sample ({@link DriftTracer}).</li>
 *   <li>TSBPD: a packet is delivered at {@code peer start + timestamp + latency + drift}. With too-late packet
 *       drop on, missing packets are given up ({@code pktRcvDrop}) as soon as a later packet is due; a packet that
 *       arrives after its slot was delivered or dropped is {@code pktRcvBelated}.</li>
 * </ul>
 *
 * <p>Not thread-safe: the connection calls it under its own lock. Times are microseconds on one monotonic clock.
 */
public final class SrtReceiver {

    /** libsrt COMM_SYN_INTERVAL_US: full ACK period. */
    public static final long ACK_INTERVAL_MICROS = 10_000;
    /** libsrt SELF_CLOCK_INTERVAL: packets between light ACKs. */
    public static final int LIGHT_ACK_PACKETS = 64;
    /** LiveCC's minimum NAK report period. */
    public static final long MIN_NAK_INTERVAL_MICROS = 20_000;
    private static final int ACK_HISTORY = 1024;
    private static final int CONSECUTIVE_ORDERED_TO_SHRINK = 50;
    private static final int CONSECUTIVE_EARLY_TO_SHRINK = 10;
    private static final int PROBE_HISTORY = 16;

    /**
     * @param initialSeq        the peer's initial sequence number (from the handshake)
     * @param peerSocketId      destination id of the control packets we send
     * @param localStartMicros  our connection start: control packet timestamps count from it
     * @param peerStartMicros   our clock's reading when the peer's clock read 0 (TSBPD time base)
     * @param latencyMicros     negotiated TSBPD delay
     * @param tooLatePacketDrop drop packets that can no longer be delivered in time
     * @param periodicNak       re-send the loss list periodically
     * @param lossMaxTtl        reorder tolerance ceiling in packets (0 = NAK at once)
     * @param bufferPackets     receive buffer capacity in packets
     * @param driftTracer       follow the sender's clock drift
     * @param maxPayloadSize    for sizing NAKs (one NAK must fit a datagram)
     * @param peerTimestampHint a recent peer timestamp on the 64-bit line (e.g. its handshake's, unsigned), so that
     *                          the first data timestamps unwrap correctly even when the peer's clock is past 2^31 µs
     */
    public record Config(int initialSeq, int peerSocketId, long localStartMicros, long peerStartMicros,
                         long latencyMicros, boolean tooLatePacketDrop, boolean periodicNak, int lossMaxTtl,
                         int bufferPackets, boolean driftTracer, int maxPayloadSize, long peerTimestampHint) {
    }

    /** A gap not NAKed yet because reordering is tolerated; NAKed when {@code ttl} more packets came and it's open. */
    private static final class FreshLoss {
        int first;
        int last;
        int ttl;

        FreshLoss(int first, int last, int ttl) {
            this.first = first;
            this.last = last;
            this.ttl = ttl;
        }
    }

    private final Config config;
    private final SrtCounters counters;
    private final PacketSink out;
    private final Delivery delivery;
    private final ReceiveBuffer buffer;
    private final LossList losses = new LossList();
    private final List<FreshLoss> freshLosses = new ArrayList<>();
    private final RttEstimator rtt = new RttEstimator();
    private final DriftTracer drift = new DriftTracer();
    /** Sent full ACKs by ACK number modulo the history size: number, ACK sequence, time (for ACKACK's RTT). */
    private final int[] ackHistoryNumber = new int[ACK_HISTORY];
    private final int[] ackHistorySeq = new int[ACK_HISTORY];
    private final long[] ackHistoryMicros = new long[ACK_HISTORY];
    private final long[] probeIntervals = new long[PROBE_HISTORY];
    private final long[] probeScratch = new long[PROBE_HISTORY];
    /** For {@link #onData(DataPacket, long)}: records are copied into it. */
    private DataPacketHolder recordScratch;
    private int probeCount;

    private long peerStartMicros;
    private long latencyMicros;
    private boolean tooLatePacketDrop;
    private long lastTimestamp64;
    private int largestSeq;
    private int ackNumber;
    private int lastAckSeq;
    private int lastAckAckSeq;
    private long lastFullAckMicros = Long.MIN_VALUE / 2;
    private long nextAckMicros;
    private long nextNakMicros;
    private long nakIntervalMicros = MIN_NAK_INTERVAL_MICROS;
    private int packetsSinceAck;
    private int lightAckCount = 1;
    private int reorderTolerance;
    private int consecutiveOrdered;
    private int consecutiveEarly;
    private int firstRttSample = -1;
    private long lastArrivalMicros;
    private int lastArrivalSeq = -1;
    private long rateWindowStart;
    private long rateWindowPackets;
    private long rateWindowBytes;
    private int packetsPerSecond;
    private int bytesPerSecond;
    private long avgPayloadSize = 1316;

    public SrtReceiver(Config config, SrtCounters counters, PacketSink out, Delivery delivery) {
        this.config = config;
        this.counters = counters;
        this.out = out;
        this.delivery = delivery;
        this.buffer = new ReceiveBuffer(config.bufferPackets(), config.initialSeq(), config.maxPayloadSize());
        this.peerStartMicros = config.peerStartMicros();
        this.latencyMicros = config.latencyMicros();
        this.tooLatePacketDrop = config.tooLatePacketDrop();
        this.largestSeq = SeqNo.previous(config.initialSeq());
        this.lastAckSeq = config.initialSeq();
        this.lastAckAckSeq = config.initialSeq();
        this.nextAckMicros = config.localStartMicros() + ACK_INTERVAL_MICROS;
        this.nextNakMicros = config.localStartMicros() + nakIntervalMicros;
        this.reorderTolerance = config.lossMaxTtl();
        this.rateWindowStart = config.localStartMicros();
        this.lastTimestamp64 = config.peerTimestampHint();
    }

    /** A data packet arrived (already decrypted), as a record (tests, captures): copied into a holder. */
    public void onData(DataPacket p, long now) {
        onData(scratch(p), now);
    }

    private DataPacketHolder scratch(DataPacket p) {
        if (recordScratch == null) {
            recordScratch = new DataPacketHolder(p.payload().length);
        }
        recordScratch.copyFrom(p);
        return recordScratch;
    }

    /** A data packet arrived (already decrypted); the holder is the caller's again when this returns. */
    public void onData(DataPacketHolder p, long now) {
        int length = p.payloadLength();
        counters.pktRecv++;
        counters.byteRecv += length;
        if (p.retransmitted()) {
            counters.pktRcvRetrans++;
        }
        trackArrival(p.sequenceNumber(), length, now);
        int seq = p.sequenceNumber();
        int offset = buffer.offsetOf(seq);
        if (offset < 0) {
            counters.pktRcvBelated++;
            return;
        }
        if (offset >= buffer.capacity()) {
            // Beyond what the buffer can hold: the sender ignored our flow window. Drop without loss accounting.
            counters.pktRcvDrop++;
            counters.byteRcvDrop += length;
            return;
        }
        lastTimestamp64 = Timestamps.unwrap(p.timestamp(), lastTimestamp64);
        int distance = SeqNo.offset(largestSeq, seq);
        if (distance > 0) {
            ageFreshLosses(now); // a tolerated gap waits for this many packets after the one that revealed it
            if (distance > 1) {
                onGap(SeqNo.next(largestSeq), SeqNo.previous(seq), distance - 1, now);
            } else {
                onInOrder();
            }
            largestSeq = seq;
        } else {
            onFill(seq, p.retransmitted(), -distance);
        }
        ReceiveBuffer.Insert result = buffer.insert(p);
        if (result == ReceiveBuffer.Insert.STORED) {
            counters.pktRecvUnique++;
            counters.byteRecvUnique += length;
            avgPayloadSize = (avgPayloadSize * 127 + length) / 128;
        }
        packetsSinceAck++;
        if (packetsSinceAck >= LIGHT_ACK_PACKETS * lightAckCount) {
            sendLightAck(now);
            lightAckCount++;
        }
    }

    /**
     * A data packet arrived that could not be decrypted (no key for its KK flags, e.g. a key switch whose key material
     * has not arrived yet): counted as {@code pktRcvUndecrypt} and otherwise treated as not received, so that it is
     * NAKed and its retransmission, once the key is there, fills the gap.
     */
    public void onUndecryptable(DataPacket p, long now) {
        onUndecryptable(scratch(p), now);
    }

    /** As {@link #onUndecryptable(DataPacket, long)}, for the data path's holder. */
    public void onUndecryptable(DataPacketHolder p, long now) {
        counters.pktRcvUndecrypt++;
        counters.byteRcvUndecrypt += p.payloadLength();
        int seq = p.sequenceNumber();
        int offset = buffer.offsetOf(seq);
        if (offset < 0 || offset >= buffer.capacity()) {
            return;
        }
        int distance = SeqNo.offset(largestSeq, seq);
        if (distance > 0) {
            // Everything up to and including this packet is now known to be missing.
            onGap(SeqNo.next(largestSeq), seq, distance, now);
            largestSeq = seq;
        }
    }

    private void onGap(int first, int last, int count, long now) {
        counters.pktRcvLoss += count;
        counters.byteRcvLoss += count * avgPayloadSize;
        consecutiveOrdered = 0;
        if (reorderTolerance == 0) {
            losses.add(first, last);
            sendNak(List.of(new SeqRange(first, last)), now);
        } else {
            freshLosses.add(new FreshLoss(first, last, reorderTolerance));
        }
    }

    private void onInOrder() {
        if (++consecutiveOrdered >= CONSECUTIVE_ORDERED_TO_SHRINK) {
            consecutiveOrdered = 0;
            if (reorderTolerance > 0) {
                reorderTolerance--;
            }
        }
    }

    /** A packet at or before the largest received one: a retransmission or a reordered original. */
    private void onFill(int seq, boolean retransmitted, int reorderDistance) {
        boolean increased = false;
        if (!retransmitted && config.lossMaxTtl() > 0) {
            consecutiveOrdered = 0;
            if (reorderDistance > reorderTolerance) {
                reorderTolerance = Math.min(reorderDistance, config.lossMaxTtl());
                increased = true;
            }
        }
        losses.remove(seq);
        int hadTtl = removeFresh(seq);
        if (!retransmitted && !increased && hadTtl > 2) {
            // It came well before its NAK would have gone: after 10 such early arrivals in a row the tolerance is
            // larger than needed (libsrt's m_iConsecEarlyDelivery rule).
            if (++consecutiveEarly >= CONSECUTIVE_EARLY_TO_SHRINK) {
                consecutiveEarly = 0;
                if (reorderTolerance > 0) {
                    reorderTolerance--;
                }
            }
        } else if (increased) {
            consecutiveEarly = 0;
        }
    }

    private void ageFreshLosses(long now) {
        if (freshLosses.isEmpty()) {
            return;
        }
        List<SeqRange> due = null;
        for (int i = 0; i < freshLosses.size(); ) {
            FreshLoss f = freshLosses.get(i);
            if (--f.ttl <= 0) {
                freshLosses.remove(i);
                losses.add(f.first, f.last);
                if (due == null) {
                    due = new ArrayList<>();
                }
                due.add(new SeqRange(f.first, f.last));
            } else {
                i++;
            }
        }
        if (due != null) {
            sendNak(due, now);
        }
    }

    /** Removes {@code seq} from the fresh losses; returns the TTL it had left, or 0 when it was not there. */
    private int removeFresh(int seq) {
        for (int i = 0; i < freshLosses.size(); i++) {
            FreshLoss f = freshLosses.get(i);
            if (!SeqNo.inRange(seq, f.first, f.last)) {
                continue;
            }
            int ttl = f.ttl;
            if (f.first == f.last) {
                freshLosses.remove(i);
            } else if (f.first == seq) {
                f.first = SeqNo.next(seq);
            } else if (f.last == seq) {
                f.last = SeqNo.previous(seq);
            } else {
                FreshLoss tail = new FreshLoss(SeqNo.next(seq), f.last, f.ttl);
                f.last = SeqNo.previous(seq);
                freshLosses.add(i + 1, tail);
            }
            return ttl;
        }
        return 0;
    }

    private void removeFreshUpTo(int seq) {
        for (int i = 0; i < freshLosses.size(); ) {
            FreshLoss f = freshLosses.get(i);
            if (!SeqNo.after(f.last, seq)) {
                freshLosses.remove(i);
                continue;
            }
            if (!SeqNo.after(f.first, seq)) {
                f.first = SeqNo.next(seq);
            }
            i++;
        }
    }

    private void trackArrival(int seq, int length, long now) {
        // Packet-pair probe: the sender sends seq%16==1 right after seq%16==0; their gap measures link capacity.
        if ((seq & 0xF) == 1 && lastArrivalSeq == SeqNo.previous(seq)) {
            probeIntervals[probeCount++ % PROBE_HISTORY] = now - lastArrivalMicros;
        }
        lastArrivalSeq = seq;
        lastArrivalMicros = now;
        rateWindowPackets++;
        rateWindowBytes += length;
    }

    /** The sender gave up on a range: stop waiting for it. */
    public void onDropRequest(DropRequestPacket p, long now) {
        int first = p.range().first();
        int last = p.range().last();
        // Only the part that overlaps our window matters; a hostile range of 2^30 numbers costs nothing more.
        int from = Math.max(0, buffer.offsetOf(first));
        int to = Math.min(buffer.capacity() - 1, buffer.offsetOf(last));
        for (int offset = from; offset <= to; offset++) {
            if (buffer.markDropped(offset)) {
                counters.pktRcvDrop++;
                counters.byteRcvDrop += avgPayloadSize;
            }
            int seq = SeqNo.add(buffer.startSeq(), offset);
            losses.remove(seq);
            removeFresh(seq);
        }
        if (to >= from && SeqNo.after(SeqNo.add(buffer.startSeq(), to), largestSeq)) {
            largestSeq = SeqNo.add(buffer.startSeq(), to);
        }
    }

    /** An ACKACK: RTT sample for the ACK it echoes, and a clock drift sample. */
    public void onAckAck(AckAckPacket p, long now) {
        int slot = Math.floorMod(p.ackNumber(), ACK_HISTORY);
        if (p.ackNumber() == 0 || ackHistoryNumber[slot] != p.ackNumber()) {
            return;
        }
        int sample = (int) Math.min(Integer.MAX_VALUE, now - ackHistoryMicros[slot]);
        rtt.onSample(sample);
        if (SeqNo.after(ackHistorySeq[slot], lastAckAckSeq)) {
            lastAckAckSeq = ackHistorySeq[slot];
        }
        nakIntervalMicros = Math.max(MIN_NAK_INTERVAL_MICROS,
                (rtt.rttMicros() + 4L * rtt.rttVarMicros()) / 2);
        if (config.driftTracer()) {
            if (firstRttSample < 0) {
                firstRttSample = sample;
            }
            long sent = peerStartMicros + Timestamps.unwrap(p.timestamp(), lastTimestamp64);
            long driftSample = now - sent - (sample - firstRttSample) / 2;
            if (drift.update(driftSample)) {
                peerStartMicros += drift.overdriftMicros();
            }
        }
    }

    /** Timers: TSBPD delivery and drop, full ACK, periodic NAK. */
    public void tick(long now) {
        deliverDue(now);
        if (now >= nextAckMicros) {
            sendFullAck(now);
            nextAckMicros = now + ACK_INTERVAL_MICROS;
            packetsSinceAck = 0;
            lightAckCount = 1;
        }
        if (config.periodicNak()) {
            if (!losses.isEmpty()) {
                if (now >= nextNakMicros) {
                    List<SeqRange> ranges = losses.ranges(maxNakRanges());
                    sendNak(ranges, now);
                    if (oldestLossIsLate(now)) {
                        sendNak(ranges, now); // losing this NAK would now cost one of the packet's last tries
                    }
                    nextNakMicros = now + nakIntervalMicros;
                }
            } else {
                nextNakMicros = now + nakIntervalMicros;
            }
        }
    }

    /** The next time {@link #tick} has something to do. */
    public long nextWakeup(long now) {
        long next = nextAckMicros;
        if (config.periodicNak() && !losses.isEmpty()) {
            next = Math.min(next, nextNakMicros);
        }
        int first = buffer.firstFilledOffset();
        if (first == 0 || (first > 0 && tooLatePacketDrop)) {
            next = Math.min(next, playTime(buffer.at(first)));
        }
        return Math.max(next, now);
    }

    private void deliverDue(long now) {
        while (buffer.span() > 0) {
            DataPacketHolder head = buffer.at(0);
            if (head != null) {
                if (playTime(head) > now) {
                    return;
                }
                delivery.deliver(head);
                buffer.pop();
                continue;
            }
            if (buffer.isDropped(0)) {
                buffer.pop();
                continue;
            }
            if (!tooLatePacketDrop) {
                return;
            }
            int next = buffer.firstFilledOffset();
            if (next < 0 || playTime(buffer.at(next)) > now) {
                return;
            }
            int missing = 0;
            for (int k = 0; k < next; k++) {
                if (!buffer.isSettled(0)) {
                    missing++;
                }
                buffer.pop();
            }
            counters.pktRcvDrop += missing;
            counters.byteRcvDrop += missing * avgPayloadSize;
            int lastDropped = SeqNo.previous(buffer.startSeq());
            losses.removeUpTo(lastDropped);
            removeFreshUpTo(lastDropped);
        }
    }

    /**
     * Delivers everything still held, in order and without waiting for TSBPD time (missing packets are skipped and
     * counted as dropped). Used when the peer shuts down: its last packets are already here, so the end of a stream
     * is not cut off by one latency's worth.
     */
    public void flush() {
        while (buffer.span() > 0) {
            DataPacketHolder head = buffer.at(0);
            if (head == null && !buffer.isDropped(0)) {
                counters.pktRcvDrop++;
                counters.byteRcvDrop += avgPayloadSize;
            }
            if (head != null) {
                delivery.deliver(head);
            }
            buffer.pop();
        }
        losses.clear();
        freshLosses.clear();
    }

    /**
     * Whether the earliest missing packet has used up half its latency (judged by the next packet held after it,
     * sent just after it): it was lost again and again, and fewer tries are left. Its periodic NAK then goes twice,
     * so that one lost NAK does not cost a whole NAK period; a sender that already answered the first copy ignores
     * the second (libsrt's and Weir's "retransmit right time" rule).
     */
    private boolean oldestLossIsLate(long now) {
        int offset = buffer.offsetOf(losses.first());
        if (offset < 0) {
            return false;
        }
        int next = buffer.firstFilledOffset(offset + 1);
        return next >= 0 && playTime(buffer.at(next)) - now < latencyMicros / 2;
    }

    /** When a packet is due for delivery on our clock. */
    public long playTime(DataPacketHolder p) {
        return peerStartMicros + Timestamps.unwrap(p.timestamp(), lastTimestamp64) + latencyMicros
                + drift.driftMicros();
    }

    private int ackSeq() {
        return SeqNo.add(buffer.startSeq(), buffer.firstUnsettledOffset(0));
    }

    private void sendLightAck(long now) {
        int ack = ackSeq();
        if (ack == lastAckAckSeq) {
            return;
        }
        out.send(AckPacket.light(ack, timestamp(now), config.peerSocketId()));
        counters.pktSentAck++;
    }

    private void sendFullAck(long now) {
        int ack = ackSeq();
        if (ack == lastAckAckSeq) {
            updateRates(now);
            return;
        }
        if (SeqNo.after(ack, lastAckSeq)) {
            lastAckSeq = ack;
        } else if (ack == lastAckSeq) {
            if (now - lastFullAckMicros < rtt.rttMicros() + 4L * rtt.rttVarMicros()) {
                return;
            }
        } else {
            return;
        }
        updateRates(now);
        ackNumber = ackNumber == Integer.MAX_VALUE ? 1 : ackNumber + 1;
        int slot = Math.floorMod(ackNumber, ACK_HISTORY);
        ackHistoryNumber[slot] = ackNumber;
        ackHistorySeq[slot] = ack;
        ackHistoryMicros[slot] = now;
        lastFullAckMicros = now;
        out.send(AckPacket.full(ackNumber, ack, rtt.rttMicros(), rtt.rttVarMicros(), Math.max(2, buffer.available()),
                packetsPerSecond, linkCapacity(), bytesPerSecond, timestamp(now), config.peerSocketId()));
        counters.pktSentAck++;
    }

    private void updateRates(long now) {
        long elapsed = now - rateWindowStart;
        if (elapsed >= 100_000 || (elapsed > 0 && rateWindowPackets >= 64)) {
            packetsPerSecond = (int) (rateWindowPackets * 1_000_000 / elapsed);
            bytesPerSecond = (int) Math.min(Integer.MAX_VALUE, rateWindowBytes * 1_000_000 / elapsed);
            rateWindowStart = now;
            rateWindowPackets = 0;
            rateWindowBytes = 0;
        }
    }

    /** Median of recent packet-pair intervals, as packets per second (0 before any probe arrived). */
    private int linkCapacity() {
        int n = Math.min(probeCount, PROBE_HISTORY);
        if (n == 0) {
            return 0;
        }
        long[] sorted = probeScratch; // per full ACK: sort a copy without allocating one
        System.arraycopy(probeIntervals, 0, sorted, 0, n);
        java.util.Arrays.sort(sorted, 0, n);
        long median = Math.max(1, sorted[n / 2]);
        return (int) Math.min(Integer.MAX_VALUE, 1_000_000 / median);
    }

    private void sendNak(List<SeqRange> ranges, long now) {
        out.send(new NakPacket(ranges, timestamp(now), config.peerSocketId()));
        counters.pktSentNak++;
    }

    private int maxNakRanges() {
        return Math.max(1, config.maxPayloadSize() / 8);
    }

    private int timestamp(long now) {
        return Timestamps.toWire(now - config.localStartMicros());
    }

    // --- state for statistics and tests ---

    public int rttMicros() {
        return rtt.rttMicros();
    }

    public int rttVarMicros() {
        return rtt.rttVarMicros();
    }

    /** First sequence number not yet received (what the next ACK will say). */
    public int ackSequence() {
        return ackSeq();
    }

    public int lossCount() {
        return losses.packetCount() + freshLosses.stream().mapToInt(f -> SeqNo.length(f.first, f.last)).sum();
    }

    public int bufferedPackets() {
        return buffer.held();
    }

    public long bufferedBytes() {
        return buffer.heldBytes();
    }

    /** Time span of buffered packets in ms (libsrt msRcvBuf), from the first to the last held timestamp. */
    public int bufferedMillis() {
        int first = buffer.firstFilledOffset();
        if (first < 0) {
            return 0;
        }
        DataPacketHolder last = null;
        for (int k = buffer.span() - 1; k >= first; k--) {
            last = buffer.at(k);
            if (last != null) {
                break;
            }
        }
        long span = Timestamps.offset(buffer.at(first).timestamp(), last.timestamp());
        return (int) (span / 1000);
    }

    public int availableBufferPackets() {
        return buffer.available();
    }

    public int reorderTolerance() {
        return reorderTolerance;
    }

    public long latencyMicros() {
        return latencyMicros;
    }

    /**
     * An HSv4 peer's SRT settings, which arrive after the connection in a UMSG_EXT HSREQ: its latency, its clock
     * (libsrt takes the peer start time from that packet, {@code arrival - timestamp}) and whether it drops too-late
     * packets.
     */
    public void applyLegacyHandshake(long latencyMicros, long peerStartMicros, long peerTimestamp,
                                     boolean tooLatePacketDrop) {
        this.latencyMicros = latencyMicros;
        this.peerStartMicros = peerStartMicros;
        this.lastTimestamp64 = peerTimestamp;
        this.tooLatePacketDrop = tooLatePacketDrop;
    }

    public long driftMicros() {
        return drift.driftMicros();
    }

    public long peerStartMicros() {
        return peerStartMicros;
    }

    public int receiveRatePacketsPerSecond() {
        return packetsPerSecond;
    }

    public int linkCapacityPacketsPerSecond() {
        return linkCapacity();
    }
}

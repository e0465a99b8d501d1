package dev.weir.engine.testing.net;

import java.util.Random;

/**
 * The decisions of an {@link ImpairmentProxy} for one direction, without any socket: given each packet in arrival
 * order, says whether it is dropped and, if not, after how many milliseconds each copy leaves.
 *
 * <p>Deterministic: every packet consumes the same number of random draws whatever happens to it, so the fate of
 * packet k depends only on the seed, the configuration and the packets before it (for the data-packet trigger).
 * Not thread-safe: the proxy calls it from the one thread that reads that direction's socket.
 */
public final class ImpairmentModel {

    /** What happens to one packet: dropped, or sent once or twice after the given delays (ms). */
    public record Fate(boolean dropped, int firstDelayMs, int duplicateDelayMs, boolean reordered) {
        static final Fate DROPPED = new Fate(true, -1, -1, false);

        public boolean duplicated() {
            return duplicateDelayMs >= 0;
        }
    }

    private final Impairment impairment;
    private final Random random;
    private final ImpairmentCounters counters = new ImpairmentCounters();
    private long index;
    private boolean lossActive;
    private int burstRemaining;

    public ImpairmentModel(Impairment impairment, long seed) {
        this.impairment = impairment;
        this.random = new Random(seed);
        this.lossActive = impairment.lossStart() instanceof Impairment.LossStart.AfterPackets a && a.count() == 0;
    }

    public ImpairmentCounters counters() {
        return counters;
    }

    /** Decides the fate of the next packet; {@code firstByte} is the datagram's first byte (data vs control). */
    public Fate next(int firstByte) {
        long i = index++;
        double lossDraw = random.nextDouble() * 100;
        double jitterDraw = random.nextDouble();
        double reorderDraw = random.nextDouble() * 100;
        double duplicateDraw = random.nextDouble() * 100;
        double duplicateJitterDraw = random.nextDouble();
        counters.received.incrementAndGet();

        if (!lossActive) {
            lossActive = switch (impairment.lossStart()) {
                case Impairment.LossStart.AfterPackets a -> i >= a.count();
                case Impairment.LossStart.AfterFirstDataPacket d -> (firstByte & 0x80) == 0;
            };
        }
        boolean drop = impairment.dropIndices().contains(i);
        if (lossActive && !drop) {
            if (burstRemaining > 0) {
                burstRemaining--;
                drop = true;
            } else if (lossDraw < impairment.lossPercent()) {
                burstRemaining = impairment.burstLength() - 1;
                drop = true;
            }
        }
        if (drop) {
            counters.dropped.incrementAndGet();
            return Fate.DROPPED;
        }
        int delay = impairment.delayMs() + (int) Math.round(jitterDraw * impairment.jitterMs());
        boolean reordered = reorderDraw < impairment.reorderPercent();
        if (reordered) {
            delay += impairment.reorderHoldMs();
            counters.reordered.incrementAndGet();
        }
        int duplicateDelay = -1;
        if (duplicateDraw < impairment.duplicatePercent()) {
            duplicateDelay = impairment.delayMs() + (int) Math.round(duplicateJitterDraw * impairment.jitterMs());
            counters.duplicated.incrementAndGet();
        }
        if (delay > 0) {
            counters.delayed.incrementAndGet();
        }
        return new Fate(false, delay, duplicateDelay, reordered);
    }
}

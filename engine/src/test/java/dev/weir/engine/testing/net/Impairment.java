package dev.weir.engine.testing.net;

import java.util.Set;

/**
 * What an {@link ImpairmentProxy} does to the datagrams going one way.
 *
 * @param lossPercent       chance (0..100) that a packet, once loss is active, starts a loss event
 * @param burstLength       packets lost per loss event (1 = independent random loss)
 * @param delayMs           fixed one-way delay added to every packet
 * @param jitterMs          extra uniformly random delay 0..jitterMs per packet (packets may then overtake)
 * @param reorderPercent    chance that a packet is held back by {@code reorderHoldMs} so that later ones pass it
 * @param reorderHoldMs     how long a reordered packet is held
 * @param duplicatePercent  chance that a packet is sent twice
 * @param lossStart         from which packet on random loss applies
 * @param dropIndices       0-based indices of packets (in this direction) that are always dropped, whatever
 *                          {@code lossStart} says: for scripted scenarios such as "lose the first handshake"
 */
public record Impairment(double lossPercent, int burstLength, int delayMs, int jitterMs, double reorderPercent,
                         int reorderHoldMs, double duplicatePercent, LossStart lossStart, Set<Long> dropIndices) {

    public Impairment {
        requirePercent("lossPercent", lossPercent);
        requirePercent("reorderPercent", reorderPercent);
        requirePercent("duplicatePercent", duplicatePercent);
        if (burstLength < 1 || delayMs < 0 || jitterMs < 0 || reorderHoldMs < 0) {
            throw new IllegalArgumentException("burstLength >= 1 and times >= 0 required");
        }
        dropIndices = Set.copyOf(dropIndices);
    }

    /** Passes everything through untouched. */
    public static final Impairment NONE = new Impairment(0, 1, 0, 0, 0, 0, 0, LossStart.FROM_FIRST_PACKET, Set.of());

    public static Impairment randomLoss(double percent, LossStart start) {
        return NONE.withLoss(percent, 1, start);
    }

    public Impairment withLoss(double percent, int burst, LossStart start) {
        return new Impairment(percent, burst, delayMs, jitterMs, reorderPercent, reorderHoldMs, duplicatePercent,
                start, dropIndices);
    }

    public Impairment withDelay(int delay, int jitter) {
        return new Impairment(lossPercent, burstLength, delay, jitter, reorderPercent, reorderHoldMs,
                duplicatePercent, lossStart, dropIndices);
    }

    public Impairment withReorder(double percent, int holdMs) {
        return new Impairment(lossPercent, burstLength, delayMs, jitterMs, percent, holdMs, duplicatePercent,
                lossStart, dropIndices);
    }

    public Impairment withDuplicates(double percent) {
        return new Impairment(lossPercent, burstLength, delayMs, jitterMs, reorderPercent, reorderHoldMs, percent,
                lossStart, dropIndices);
    }

    public Impairment withDropped(Set<Long> indices) {
        return new Impairment(lossPercent, burstLength, delayMs, jitterMs, reorderPercent, reorderHoldMs,
                duplicatePercent, lossStart, indices);
    }

    private static void requirePercent(String name, double v) {
        if (!(v >= 0 && v <= 100)) {
            throw new IllegalArgumentException(name + " must be 0..100, got " + v);
        }
    }

    /** When random loss starts. Scripted {@link #dropIndices} apply regardless. */
    public sealed interface LossStart {
        /** Loss applies to every packet, the handshake included. */
        LossStart FROM_FIRST_PACKET = new AfterPackets(0);
        /** Loss applies once an SRT data packet (first bit 0) has been seen in this direction, that one included. */
        LossStart FROM_FIRST_DATA_PACKET = new AfterFirstDataPacket();

        /** Loss applies from the packet with index {@code count} (0-based) on. */
        record AfterPackets(long count) implements LossStart {
        }

        record AfterFirstDataPacket() implements LossStart {
        }
    }
}

package dev.weir.engine.srt.live;

import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.SeqRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequence numbers reported or detected as lost, kept as sorted, non-overlapping, non-adjacent ranges on the
 * 31-bit circle (all members lie within a quarter circle of each other, which buffer sizes guarantee). The
 * receiver's list says what to NAK; the sender's says what to retransmit. New losses nearly always come after the
 * last range, so adding is amortised O(1); removing one recovered packet splits at most one range.
 */
public final class LossList {

    private int[] firsts = new int[16];
    private int[] lasts = new int[16];
    private int count;
    private int packets;

    public boolean isEmpty() {
        return count == 0;
    }

    /** Number of lost sequence numbers held. */
    public int packetCount() {
        return packets;
    }

    public int rangeCount() {
        return count;
    }

    /** The earliest lost sequence number; the list must not be empty. */
    public int first() {
        return firsts[0];
    }

    /** Adds {@code first..last}, merging with what is there; returns how many numbers were new. */
    public int add(int first, int last) {
        int added = 0;
        int seq = first;
        int n = SeqNo.length(first, last);
        // Fast path: after the last range.
        if (count == 0 || SeqNo.after(first, lasts[count - 1])) {
            if (count > 0 && SeqNo.next(lasts[count - 1]) == first) {
                lasts[count - 1] = last;
            } else {
                insertAt(count, first, last);
            }
            packets += n;
            return n;
        }
        for (int k = 0; k < n; k++, seq = SeqNo.next(seq)) {
            if (addOne(seq)) {
                added++;
            }
        }
        return added;
    }

    private boolean addOne(int seq) {
        int i = indexOfRangeAtOrAfter(seq);
        if (i < count && SeqNo.inRange(seq, firsts[i], lasts[i])) {
            return false;
        }
        boolean joinsPrevious = i > 0 && SeqNo.next(lasts[i - 1]) == seq;
        boolean joinsNext = i < count && SeqNo.previous(firsts[i]) == seq;
        if (joinsPrevious && joinsNext) {
            lasts[i - 1] = lasts[i];
            removeAt(i);
        } else if (joinsPrevious) {
            lasts[i - 1] = seq;
        } else if (joinsNext) {
            firsts[i] = seq;
        } else {
            insertAt(i, seq, seq);
        }
        packets++;
        return true;
    }

    /** Index of the first range whose last member is at or after {@code seq}. */
    private int indexOfRangeAtOrAfter(int seq) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SeqNo.before(lasts[mid], seq)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public boolean contains(int seq) {
        int i = indexOfRangeAtOrAfter(seq);
        return i < count && SeqNo.inRange(seq, firsts[i], lasts[i]);
    }

    /** Removes one number (a packet arrived); returns whether it was there. */
    public boolean remove(int seq) {
        int i = indexOfRangeAtOrAfter(seq);
        if (i >= count || !SeqNo.inRange(seq, firsts[i], lasts[i])) {
            return false;
        }
        packets--;
        if (firsts[i] == lasts[i]) {
            removeAt(i);
        } else if (firsts[i] == seq) {
            firsts[i] = SeqNo.next(seq);
        } else if (lasts[i] == seq) {
            lasts[i] = SeqNo.previous(seq);
        } else {
            int oldLast = lasts[i];
            lasts[i] = SeqNo.previous(seq);
            insertAt(i + 1, SeqNo.next(seq), oldLast);
        }
        return true;
    }

    /** Removes every number up to and including {@code seq}; returns how many were removed. */
    public int removeUpTo(int seq) {
        int removed = 0;
        while (count > 0 && !SeqNo.after(firsts[0], seq)) {
            if (!SeqNo.after(lasts[0], seq)) {
                removed += SeqNo.length(firsts[0], lasts[0]);
                removeAt(0);
            } else {
                removed += SeqNo.length(firsts[0], seq);
                firsts[0] = SeqNo.next(seq);
            }
        }
        packets -= removed;
        return removed;
    }

    /** Removes and returns the earliest number, or -1 when empty. */
    public int poll() {
        if (count == 0) {
            return -1;
        }
        int seq = firsts[0];
        remove(seq);
        return seq;
    }

    /** The ranges in order, at most {@code maxRanges} of them (a NAK must fit in one datagram). */
    public List<SeqRange> ranges(int maxRanges) {
        int n = Math.min(count, maxRanges);
        List<SeqRange> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new SeqRange(firsts[i], lasts[i]));
        }
        return out;
    }

    public void clear() {
        count = 0;
        packets = 0;
    }

    private void insertAt(int i, int first, int last) {
        if (count == firsts.length) {
            firsts = java.util.Arrays.copyOf(firsts, count * 2);
            lasts = java.util.Arrays.copyOf(lasts, count * 2);
        }
        System.arraycopy(firsts, i, firsts, i + 1, count - i);
        System.arraycopy(lasts, i, lasts, i + 1, count - i);
        firsts[i] = first;
        lasts[i] = last;
        count++;
    }

    private void removeAt(int i) {
        System.arraycopy(firsts, i + 1, firsts, i, count - i - 1);
        System.arraycopy(lasts, i + 1, lasts, i, count - i - 1);
        count--;
    }

    @Override
    public String toString() {
        return ranges(Integer.MAX_VALUE).toString();
    }
}

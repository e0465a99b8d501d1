package dev.weir.engine.srt.packet;

/**
 * An inclusive range of sequence numbers {@code first..last}, going forward on the 31-bit circle; a single lost
 * packet is a range with {@code first == last}. Used by NAK loss lists and drop requests.
 */
public record SeqRange(int first, int last) {

    public SeqRange {
        if (!SeqNo.isValid(first) || !SeqNo.isValid(last)) {
            throw new IllegalArgumentException("sequence numbers are 31-bit: " + first + ".." + last);
        }
        if (SeqNo.offset(first, last) < 0) {
            throw new IllegalArgumentException("range goes backwards: " + first + ".." + last);
        }
    }

    public static SeqRange single(int seq) {
        return new SeqRange(seq, seq);
    }

    /** How many sequence numbers the range holds. */
    public int length() {
        return SeqNo.length(first, last);
    }

    public boolean contains(int seq) {
        return SeqNo.inRange(seq, first, last);
    }

    public boolean isSingle() {
        return first == last;
    }

    @Override
    public String toString() {
        return isSingle() ? Integer.toString(first) : first + ".." + last;
    }
}

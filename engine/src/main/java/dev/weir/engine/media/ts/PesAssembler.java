package dev.weir.engine.media.ts;

import java.util.Arrays;

/**
 * Collects the payloads of one PID's transport packets into whole PES packets. A PES ends when its declared
 * length is reached or, for the unbounded (length 0) PES that video uses, when the next PUSI arrives. A gap in
 * the continuity counter inside a PES makes the whole PES useless: it is dropped and counted.
 */
final class PesAssembler {
    /** Bigger than any sane coded picture (a 4K intra frame is a few MB); protects memory from garbage. */
    static final int MAX_PES_BYTES = 16 << 20;

    interface Sink {
        void complete(byte[] buf, int length, boolean randomAccess);

        void dropped();
    }

    private final Sink sink;
    private byte[] buf = new byte[4096];
    private int size;
    private boolean active;
    private boolean randomAccess;
    private int declaredEnd = -1;

    PesAssembler(Sink sink) {
        this.sink = sink;
    }

    void feed(byte[] data, int offset, int length, boolean unitStart, boolean afterGap, boolean rai) {
        if (unitStart) {
            if (active) {
                if (afterGap) {
                    drop(); // the tail of the previous PES was lost
                } else {
                    finish();
                }
            }
            active = true;
            size = 0;
            declaredEnd = -1;
            randomAccess = rai;
        } else if (!active) {
            return; // joined mid-PES: wait for the next start
        } else if (afterGap) {
            drop();
            return;
        }
        if (size + length > MAX_PES_BYTES) {
            drop();
            return;
        }
        if (size + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + length));
        }
        System.arraycopy(data, offset, buf, size, length);
        size += length;
        if (declaredEnd < 0 && size >= PesHeader.PREFIX_LENGTH) {
            int declared = ((buf[4] & 0xFF) << 8) | (buf[5] & 0xFF);
            declaredEnd = declared == 0 ? 0 : PesHeader.PREFIX_LENGTH + declared;
        }
        if (declaredEnd > 0 && size >= declaredEnd) {
            finish();
        }
    }

    /** Ends the PES in progress (end of input, or the stream is going away). */
    void flush() {
        if (active) {
            finish();
        }
    }

    /** Forgets the PES in progress without counting it (the PMT removed this stream). */
    void discard() {
        active = false;
        size = 0;
    }

    private void finish() {
        active = false;
        if (declaredEnd > 0 && size < declaredEnd) {
            sink.dropped(); // cut short: its length said there was more
        } else {
            sink.complete(buf, declaredEnd > 0 ? declaredEnd : size, randomAccess);
        }
        size = 0;
        if (buf.length > 1 << 20) {
            buf = new byte[4096]; // do not hold on to one huge frame's worth of memory
        }
    }

    private void drop() {
        active = false;
        size = 0;
        sink.dropped();
    }
}

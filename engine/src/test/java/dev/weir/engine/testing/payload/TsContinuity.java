package dev.weir.engine.testing.payload;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks a stream of MPEG-TS packets for sync bytes and continuity counters (per PID; packets without payload and
 * the null PID don't advance the counter; a repeated counter is allowed once, as ISO 13818-1 permits duplicates).
 */
public final class TsContinuity {

    private static final int PACKET = 188;

    private final Map<Integer, Integer> lastCounter = new HashMap<>();
    private long packets;
    private long syncErrors;
    private long continuityErrors;
    private long partialMessages;

    /** One received message: a whole number of TS packets. */
    public void accept(byte[] data, int length) {
        if (length % PACKET != 0) {
            partialMessages++;
        }
        for (int off = 0; off + PACKET <= length; off += PACKET) {
            packets++;
            if (data[off] != 0x47) {
                syncErrors++;
                continue;
            }
            int pid = ((data[off + 1] & 0x1F) << 8) | (data[off + 2] & 0xFF);
            if (pid == 0x1FFF) {
                continue;
            }
            boolean hasPayload = (data[off + 3] & 0x10) != 0;
            int counter = data[off + 3] & 0x0F;
            Integer last = lastCounter.get(pid);
            if (last != null && hasPayload && counter != ((last + 1) & 0xF) && counter != last) {
                continuityErrors++;
            }
            if (hasPayload) {
                lastCounter.put(pid, counter);
            }
        }
    }

    public long packets() {
        return packets;
    }

    public long syncErrors() {
        return syncErrors;
    }

    public long continuityErrors() {
        return continuityErrors;
    }

    public long partialMessages() {
        return partialMessages;
    }

    @Override
    public String toString() {
        return packets + " TS packets, " + syncErrors + " sync errors, " + continuityErrors + " continuity errors, "
                + partialMessages + " partial messages, PIDs " + lastCounter.keySet();
    }
}

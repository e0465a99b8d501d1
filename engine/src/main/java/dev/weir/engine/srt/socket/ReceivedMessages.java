package dev.weir.engine.srt.socket;

import java.util.Arrays;

/**
 * The messages a connection delivered and the application has not read yet: a bounded FIFO of copies in reused
 * arrays (a spare array comes back when its message is read), so the steady state allocates nothing per message.
 * When full, the oldest message is discarded (a live stream does not wait for a slow reader) and counted.
 *
 * <p>One receive thread puts, any application thread takes. It uses the object's monitor rather than a
 * {@code Condition}, because a {@code Condition} allocates a node each time a reader waits, which at a live rate is
 * once per message.
 */
final class ReceivedMessages {

    static final int TIMED_OUT = -2;
    static final int END = -1;

    private final int messageCapacity;
    private final byte[][] messages;
    private final int[] lengths;
    private byte[][] spare = new byte[8][];
    private int spareCount;
    private int head;
    private int count;
    private long discarded;
    private boolean ended;

    ReceivedMessages(int capacity, int messageCapacity) {
        this.messages = new byte[capacity][];
        this.lengths = new int[capacity];
        this.messageCapacity = messageCapacity;
    }

    /** Copies a message in; when full, first discards the oldest. */
    synchronized void put(byte[] source, int offset, int length) {
        if (ended) {
            return;
        }
        if (count == messages.length) {
            release(messages[head]);
            messages[head] = null;
            head = (head + 1) % messages.length;
            count--;
            discarded++;
        }
        byte[] slot = spareCount > 0 ? spare[--spareCount] : new byte[messageCapacity];
        if (slot.length < length) {
            slot = new byte[length];
        }
        System.arraycopy(source, offset, slot, 0, length);
        int tail = (head + count) % messages.length;
        messages[tail] = slot;
        lengths[tail] = length;
        count++;
        notifyAll();
    }

    /**
     * Takes the oldest message into {@code buffer} (cut to its length), waiting up to the timeout (0 = no limit).
     *
     * @return the bytes copied, {@link #END} once ended and empty, or {@link #TIMED_OUT}
     */
    synchronized int take(byte[] buffer, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (count == 0) {
            if (ended) {
                return END;
            }
            long waitMillis = 0;
            if (timeoutMillis > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return TIMED_OUT;
                }
                waitMillis = Math.max(1, left / 1_000_000);
            }
            wait(waitMillis);
        }
        byte[] message = messages[head];
        int n = Math.min(buffer.length, lengths[head]);
        System.arraycopy(message, 0, buffer, 0, n);
        messages[head] = null;
        head = (head + 1) % messages.length;
        count--;
        release(message);
        return n;
    }

    /** Hands every queued message to {@code handler}, oldest first, and empties the queue. */
    synchronized void drainTo(SrtConnection.MessageHandler handler) {
        while (count > 0) {
            byte[] message = messages[head];
            int length = lengths[head];
            messages[head] = null;
            head = (head + 1) % messages.length;
            count--;
            handler.onMessage(message, length);
            release(message);
        }
    }

    /** No more messages will come; readers get {@link #END} once the queue is empty. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    synchronized long discarded() {
        return discarded;
    }

    private void release(byte[] array) {
        if (spareCount == spare.length) {
            spare = Arrays.copyOf(spare, spareCount * 2);
        }
        spare[spareCount++] = array;
    }
}

package dev.weir.engine.bridge;

import dev.weir.engine.hub.StreamKey;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The MPEG-TS of one SRT publisher, as received, for consumers that want it untouched (SRT players, TS
 * recordings): the "TS passthrough" channel that runs beside the hub's FLV-form messages. The hub itself carries
 * one form only; a stream whose publisher came over SRT additionally has a feed here (see {@link TsFeeds}).
 *
 * <p>Written by the publisher's thread ({@link #append}, {@link #keyframeAt}, {@link #tables}); read by one thread
 * per {@link Reader}. The publisher never waits for a reader: each reader has a bounded queue and, when it
 * overflows, skips to the next keyframe (its queue is cleared and it starts again with the PAT/PMT and the
 * keyframe's payload), as hub players do.
 *
 * <p>Late join: the feed keeps the payloads since the start of the last video keyframe PES (bounded) and the
 * latest PAT and PMT packets. A new reader gets PAT+PMT first, then those payloads, then live ones, so it can
 * start decoding at once.
 */
public final class TsFeed {
    /** Bytes a reader may have queued before it skips to the next keyframe. */
    public static final int READER_QUEUE_BYTES = 8 << 20;
    /** Bytes of late-join cache; a GOP larger than this is not cached (joiners wait for the next keyframe). */
    public static final int CACHE_BYTES = 8 << 20;
    /** Marks the end of the feed in a reader's queue. */
    private static final byte[] END = new byte[0];

    private record Payload(long index, byte[] bytes) {}

    private final StreamKey key;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Payload> cache = new ArrayDeque<>();   // guarded by lock
    private final List<Reader> readers = new ArrayList<>();         // guarded by lock
    private long cacheBytes;                                        // guarded by lock
    private long nextIndex;                                         // guarded by lock
    private boolean cacheValid;                                     // guarded by lock: starts at a keyframe
    private byte[] tables;                                          // guarded by lock: PAT + PMT packets
    private boolean closed;                                         // guarded by lock
    private volatile long continuityErrors;

    TsFeed(StreamKey key) {
        this.key = key;
    }

    public StreamKey key() {
        return key;
    }

    /**
     * Hands one received payload (whole 188-byte packets) to every reader and the cache.
     *
     * @return its index, which {@link #keyframeAt} refers to
     */
    public long append(byte[] payload) {
        lock.lock();
        try {
            long index = nextIndex++;
            if (closed) return index;
            cache.addLast(new Payload(index, payload));
            cacheBytes += payload.length;
            while (cacheBytes > CACHE_BYTES && !cache.isEmpty()) {
                cacheBytes -= cache.removeFirst().bytes.length;
                cacheValid = false; // the GOP outgrew the cache: joiners wait for the next keyframe
            }
            for (Reader r : readers) r.offer(payload, false);
            return index;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The video keyframe whose PES started in payload {@code index} was completed (the demuxer reports a PES when
     * the next one starts, so this comes a frame later): late joiners start there, and readers that are skipping
     * resume there.
     */
    public void keyframeAt(long index) {
        lock.lock();
        try {
            if (closed) return;
            while (!cache.isEmpty() && cache.peekFirst().index < index) {
                cacheBytes -= cache.removeFirst().bytes.length;
            }
            cacheValid = !cache.isEmpty() && cache.peekFirst().index == index;
            if (!cacheValid || tables == null) return;
            for (Reader r : readers) r.resume(cache, tables);
        } finally {
            lock.unlock();
        }
    }

    /** Without video there are no keyframes: any payload start will do, so the cache holds the last one only. */
    public void audioOnlyAt(long index) {
        keyframeAt(index);
    }

    /** The latest PAT and PMT packets (376 bytes), sent first to every joining or resuming reader. */
    public void tables(byte[] patAndPmt) {
        lock.lock();
        try {
            this.tables = patAndPmt;
        } finally {
            lock.unlock();
        }
    }

    /** The publisher's demuxer's continuity error count, for the stream's stats. */
    public void continuityErrors(long n) {
        continuityErrors = n;
    }

    public long continuityErrors() {
        return continuityErrors;
    }

    private void dropCache() {
        cache.clear();
        cacheBytes = 0;
        cacheValid = false;
    }

    /** Payloads a joiner would get now (tests and diagnostics); 0 when it would wait for a keyframe. */
    public int cachedPayloads() {
        lock.lock();
        try {
            return cacheValid ? cache.size() : 0;
        } finally {
            lock.unlock();
        }
    }

    /** A new reader, primed with PAT/PMT and the cached GOP when there is one. */
    public Reader subscribe() {
        lock.lock();
        try {
            Reader r = new Reader();
            if (closed) {
                r.offer(END, true);
                return r;
            }
            if (cacheValid && !cache.isEmpty() && tables != null) {
                r.offer(tables, true);
                for (Payload p : cache) r.offer(p.bytes, true);
            } else {
                r.skipping = true;
            }
            readers.add(r);
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** The publisher left: every reader gets the end after what it has queued. */
    void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            dropCache();
            for (Reader r : readers) r.offer(END, true);
            readers.clear();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void detach(Reader r) {
        lock.lock();
        try {
            readers.remove(r);
        } finally {
            lock.unlock();
        }
    }

    /** One consumer's queue of payloads. */
    public final class Reader implements AutoCloseable {
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>(); // guarded by the feed's lock
        private final Condition ready = lock.newCondition();
        private long queuedBytes;
        private boolean skipping;
        private long skips;

        /** Called under the feed's lock. */
        private void offer(byte[] payload, boolean force) {
            if (!force) {
                if (skipping) return;
                if (queuedBytes + payload.length > READER_QUEUE_BYTES) {
                    queue.clear();
                    queuedBytes = 0;
                    skipping = true;
                    skips++;
                    return;
                }
            }
            queue.addLast(payload);
            queuedBytes += payload.length;
            ready.signal();
        }

        /** Called under the feed's lock when a keyframe completed: a skipping reader restarts at it. */
        private void resume(ArrayDeque<Payload> fromKeyframe, byte[] pat) {
            if (!skipping) return;
            skipping = false;
            offer(pat, true);
            for (Payload p : fromKeyframe) offer(p.bytes, true);
        }

        /**
         * The next payload, waiting up to {@code timeout}; {@code null} when none came in time; an empty array
         * once the feed ended (every later call returns it too).
         */
        public byte[] next(Duration timeout) throws InterruptedException {
            long nanos = timeout.toNanos();
            lock.lock();
            try {
                while (queue.isEmpty()) {
                    if (nanos <= 0) return null;
                    nanos = ready.awaitNanos(nanos);
                }
                byte[] p = queue.peekFirst();
                if (p == END) return END;
                queue.removeFirst();
                queuedBytes -= p.length;
                return p;
            } finally {
                lock.unlock();
            }
        }

        /** Times this reader overflowed and skipped to a keyframe. */
        public long skips() {
            lock.lock();
            try {
                return skips;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            detach(this);
        }
    }
}

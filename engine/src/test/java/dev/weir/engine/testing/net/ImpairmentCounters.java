package dev.weir.engine.testing.net;

import java.util.concurrent.atomic.AtomicLong;

/** What an impairment did in one direction; read from any thread. */
public final class ImpairmentCounters {
    final AtomicLong received = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong reordered = new AtomicLong();
    final AtomicLong delayed = new AtomicLong();
    final AtomicLong forwarded = new AtomicLong();

    public long received() {
        return received.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long duplicated() {
        return duplicated.get();
    }

    public long reordered() {
        return reordered.get();
    }

    public long delayed() {
        return delayed.get();
    }

    /** Datagrams actually sent on (duplicates count twice). */
    public long forwarded() {
        return forwarded.get();
    }

    @Override
    public String toString() {
        return "received=" + received() + " dropped=" + dropped() + " duplicated=" + duplicated() + " reordered="
                + reordered() + " delayed=" + delayed() + " forwarded=" + forwarded();
    }
}

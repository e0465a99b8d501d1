package dev.weir.engine.hub;

import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One player's bounded queue, between the publisher's thread (which offers) and the player's own thread (which
 * takes). The publisher never waits for the player: the queue's lock is held only for a constant-time add.
 *
 * <p>Slow players: when an offer would take the queue past {@code queueBytes}, the player <em>skips</em>: every
 * queued coded frame is dropped (metadata, sequence headers and control events stay), and further frames are
 * dropped until the next resume point (a video keyframe), so the player resumes with a decodable picture. A
 * player that empties its queue after resuming has caught up and its skip count starts over; one that
 * overflows more than {@code maxSkips} times in a row is disconnected.
 *
 * <p>Wake-ups: waking a parked player thread costs more than writing a message (docs/performance.md), so an
 * offer signals only a player that is parked waiting, once: the offers that follow before it runs again find it
 * already woken and only queue. The player waits without a timer ({@link #take()}).
 */
final class Player implements Subscription {
    private final HubStream stream;
    private final PeerInfo peer;
    private final long queueBytes;
    private final int maxSkips;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    // Guarded by lock:
    private final ArrayDeque<PlayerEvent> events = new ArrayDeque<>();
    private long queuedBytes;
    private boolean awaitingResumePoint;
    /** True when the wait for a resume point comes from a skip: frames dropped meanwhile count as lost. */
    private boolean skipping;
    private int skipsInARow;
    private long dropped;
    /** Once set, the queue is empty for good and next() returns this. */
    private PlayerEvent.Disconnected terminal;
    /** True while the player's thread is parked in {@link #next} or {@link #take} waiting for an event. */
    private boolean parked;
    private long wakeUps;

    Player(HubStream stream, PeerInfo peer, long queueBytes, int maxSkips) {
        this.stream = stream;
        this.peer = peer;
        this.queueBytes = queueBytes;
        this.maxSkips = maxSkips;
    }

    PeerInfo peer() {
        return peer;
    }

    /** Result of one offer, for the stream's counters. */
    enum Offer { QUEUED, DROPPED, SKIPPED, DISCONNECTED, CLOSED }

    /**
     * Queues one event. {@code size} is the body size of a media event, 0 for control events. Returns what
     * happened; on {@link Offer#DISCONNECTED} the caller detaches the player.
     */
    Offer offer(PlayerEvent event, Delivery delivery, int size) {
        lock.lock();
        try {
            if (terminal != null) return Offer.CLOSED;
            if (awaitingResumePoint && delivery == Delivery.DROPPABLE) {
                if (skipping) countDropped(1);
                return Offer.DROPPED;
            }
            Offer result = Offer.QUEUED;
            if (queuedBytes + size > queueBytes && !events.isEmpty()) {
                if (++skipsInARow > maxSkips) {
                    disconnect("too slow: fell behind " + skipsInARow + " times in a row");
                    return Offer.DISCONNECTED;
                }
                dropQueuedFrames();
                if (queuedBytes > queueBytes) {
                    disconnect("too slow: its queue is full of messages that cannot be skipped");
                    return Offer.DISCONNECTED;
                }
                awaitingResumePoint = true;
                skipping = true;
                result = Offer.SKIPPED;
                if (delivery == Delivery.DROPPABLE) {
                    countDropped(1);
                    return result;
                }
            }
            if (delivery == Delivery.RESUME_POINT) {
                awaitingResumePoint = false;
                skipping = false;
            }
            events.addLast(event);
            queuedBytes += size;
            if (parked) {
                parked = false; // woken once: later offers until it parks again need no signal
                wakeUps++;
                notEmpty.signal();
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the player wait for a resume point before taking frames: a player that joins without a cached GOP,
     * or whose stream gets a new publisher, must not start decoding in the middle of a GOP. Frames dropped
     * while waiting are not counted as lost: the player was never owed them.
     */
    void awaitResumePoint() {
        lock.lock();
        try {
            awaitingResumePoint = true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the player from the hub's side: it gets {@code Disconnected} and nothing after. */
    void disconnect(String reason) {
        lock.lock();
        try {
            if (terminal != null) return;
            int lost = 0;
            for (PlayerEvent e : events) {
                if (e instanceof PlayerEvent.Media) lost++;
            }
            countDropped(lost);
            events.clear();
            queuedBytes = 0;
            terminal = new PlayerEvent.Disconnected(reason);
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Times an offer woke the parked player (for tests and diagnostics). */
    long wakeUps() {
        lock.lock();
        try {
            return wakeUps;
        } finally {
            lock.unlock();
        }
    }

    /** True while the player's thread waits for an event. */
    boolean isParked() {
        lock.lock();
        try {
            return parked;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long droppedMessages() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    private void dropQueuedFrames() {
        int lost = 0;
        for (Iterator<PlayerEvent> it = events.iterator(); it.hasNext(); ) {
            if (it.next() instanceof PlayerEvent.Media m && isFrame(m.message())) {
                it.remove();
                queuedBytes -= m.message().size();
                lost++;
            }
        }
        countDropped(lost);
    }

    private void countDropped(int n) {
        dropped += n;
        stream.countDropped(n);
    }

    /** True for coded audio and video frames: what a skip may drop. Runs only on overflow. */
    private static boolean isFrame(MediaMessage m) {
        TagRole role = switch (m.kind()) {
            case VIDEO -> FlvVideoTag.roleOf(m.body());
            case AUDIO -> FlvAudioTag.roleOf(m.body());
            case DATA -> TagRole.SIDE_DATA;
        };
        return role == TagRole.KEY_FRAME || role == TagRole.FRAME || role == TagRole.MALFORMED;
    }

    @Override
    public StreamKey key() {
        return stream.key();
    }

    @Override
    public boolean isPublished() {
        return stream.isPublished();
    }

    @Override
    public PlayerEvent next(Duration timeout) throws InterruptedException {
        return poll(timeout.toNanos(), false);
    }

    /** Waits without a timer: a timed park costs a scheduled task per wake-up, and the pump needs no timeout. */
    @Override
    public PlayerEvent take() throws InterruptedException {
        return poll(0, true);
    }

    private PlayerEvent poll(long nanos, boolean untimed) throws InterruptedException {
        PlayerEvent event;
        int size = 0;
        lock.lockInterruptibly();
        try {
            while (events.isEmpty()) {
                if (terminal != null) return terminal;
                if (!untimed && nanos <= 0) break;
                parked = true;
                try {
                    if (untimed) {
                        notEmpty.await();
                    } else {
                        nanos = notEmpty.awaitNanos(nanos);
                    }
                } finally {
                    parked = false;
                }
            }
            event = events.pollFirst();
            if (event == null) return null;
            if (event instanceof PlayerEvent.Media m) {
                size = m.message().size();
                queuedBytes -= size;
                if (events.isEmpty() && !awaitingResumePoint) skipsInARow = 0;
            }
        } finally {
            lock.unlock();
        }
        if (size > 0) stream.countSent(size);
        return event;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (terminal == null) {
                terminal = new PlayerEvent.Disconnected("subscription closed");
                events.clear();
                queuedBytes = 0;
                notEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
        stream.detach(this);
    }
}

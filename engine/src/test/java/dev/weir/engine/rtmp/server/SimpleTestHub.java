package dev.weir.engine.rtmp.server;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.PlayerEvent;
import dev.weir.engine.hub.Publication;
import dev.weir.engine.hub.StreamBusyException;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.hub.Subscription;
import dev.weir.engine.stats.StreamSnapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately small {@link StreamHub} for the RTMP server's own tests, used until the real hub lands:
 * one publisher per key, unbounded player queues, and a late-join cache (metadata, AVC/AAC sequence headers,
 * the GOP since the last keyframe). Not for main code.
 */
final class SimpleTestHub implements StreamHub {
    private final Map<StreamKey, Stream> streams = new HashMap<>();

    private static final class Stream {
        TestPublication publisher;
        final List<TestSubscription> players = new CopyOnWriteArrayList<>();
        MediaMessage metadata;
        MediaMessage videoHeader;
        MediaMessage audioHeader;
        final List<MediaMessage> gop = new ArrayList<>();
    }

    private synchronized Stream stream(StreamKey key) {
        return streams.computeIfAbsent(key, k -> new Stream());
    }

    @Override
    public Publication publish(StreamKey key, PeerInfo publisher) throws StreamBusyException {
        Stream s = stream(key);
        synchronized (s) {
            if (s.publisher != null) {
                throw new StreamBusyException(key);
            }
            s.publisher = new TestPublication(key, s);
            for (TestSubscription p : s.players) {
                p.queue.add(new PlayerEvent.Published(key));
            }
            return s.publisher;
        }
    }

    @Override
    public Subscription play(StreamKey key, PeerInfo player) {
        Stream s = stream(key);
        synchronized (s) {
            TestSubscription sub = new TestSubscription(key, s);
            if (s.publisher != null) {
                for (MediaMessage m : new MediaMessage[] {s.metadata, s.videoHeader, s.audioHeader}) {
                    if (m != null) {
                        sub.queue.add(new PlayerEvent.Media(m));
                    }
                }
                for (MediaMessage m : s.gop) {
                    sub.queue.add(new PlayerEvent.Media(m));
                }
            }
            s.players.add(sub);
            return sub;
        }
    }

    @Override
    public List<StreamSnapshot> streamSnapshots() {
        return List.of();
    }

    /** Players attached to a key right now. */
    int players(StreamKey key) {
        return stream(key).players.size();
    }

    /** The last data message published on a key (metadata), or null. */
    MediaMessage metadata(StreamKey key) {
        Stream s = stream(key);
        synchronized (s) {
            return s.metadata;
        }
    }

    boolean isPublished(StreamKey key) {
        Stream s = stream(key);
        synchronized (s) {
            return s.publisher != null;
        }
    }

    private record TestPublication(StreamKey key, Stream s) implements Publication {
        @Override
        public void send(MediaMessage m) {
            synchronized (s) {
                if (s.publisher != this) {
                    return;
                }
                byte[] b = m.body();
                switch (m.kind()) {
                    case DATA -> s.metadata = m;
                    case VIDEO -> {
                        boolean header = b.length > 1 && (b[0] & 0x0F) == 7 && b[1] == 0;
                        boolean keyframe = b.length > 0 && (b[0] & 0xF0) == 0x10;
                        if (header) {
                            s.videoHeader = m;
                        } else if (keyframe) {
                            s.gop.clear();
                            s.gop.add(m);
                        } else if (!s.gop.isEmpty()) {
                            s.gop.add(m);
                        }
                    }
                    case AUDIO -> {
                        boolean header = b.length > 1 && (b[0] & 0xF0) == 0xA0 && b[1] == 0;
                        if (header) {
                            s.audioHeader = m;
                        } else if (!s.gop.isEmpty()) {
                            s.gop.add(m);
                        }
                    }
                }
                for (TestSubscription p : s.players) {
                    p.queue.add(new PlayerEvent.Media(m));
                }
            }
        }

        @Override
        public void close() {
            synchronized (s) {
                if (s.publisher != this) {
                    return;
                }
                s.publisher = null;
                s.metadata = s.videoHeader = s.audioHeader = null;
                s.gop.clear();
                for (TestSubscription p : s.players) {
                    p.queue.add(new PlayerEvent.Unpublished(key));
                }
            }
        }
    }

    private static final class TestSubscription implements Subscription {
        private final StreamKey key;
        private final Stream s;
        final LinkedBlockingQueue<PlayerEvent> queue = new LinkedBlockingQueue<>();

        TestSubscription(StreamKey key, Stream s) {
            this.key = key;
            this.s = s;
        }

        @Override
        public StreamKey key() {
            return key;
        }

        @Override
        public boolean isPublished() {
            synchronized (s) {
                return s.publisher != null;
            }
        }

        @Override
        public PlayerEvent next(Duration timeout) throws InterruptedException {
            return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
            s.players.remove(this);
        }
    }
}

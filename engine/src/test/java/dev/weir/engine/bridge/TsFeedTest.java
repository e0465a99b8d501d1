package dev.weir.engine.bridge;

import dev.weir.engine.hub.StreamKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TS passthrough channel: late join at a keyframe with PAT/PMT first, skipping when a reader overflows, end. */
class TsFeedTest {
    private static final StreamKey KEY = new StreamKey("live", "test");
    private static final byte[] TABLES = tagged(376, 0x7A);

    private final TsFeeds feeds = new TsFeeds();
    private final TsFeed feed = feeds.open(KEY);

    private static byte[] tagged(int size, int tag) {
        byte[] b = new byte[size];
        b[0] = 0x47;
        b[1] = (byte) tag;
        return b;
    }

    private static List<byte[]> drain(TsFeed.Reader r) throws InterruptedException {
        List<byte[]> out = new ArrayList<>();
        byte[] p;
        while ((p = r.next(Duration.ZERO)) != null) {
            out.add(p);
            if (p.length == 0) break;
        }
        return out;
    }

    @Test
    void aJoinerBeforeTheFirstKeyframeWaitsThenStartsThereWithTables() throws Exception {
        feed.tables(TABLES);
        TsFeed.Reader early = feed.subscribe();
        byte[] p0 = tagged(1316, 0);
        byte[] p1 = tagged(1316, 1);
        byte[] p2 = tagged(1316, 2);
        feed.append(p0);
        long k = feed.append(p1);          // the keyframe's PES starts here
        feed.append(p2);
        assertNull(early.next(Duration.ZERO), "nothing before a keyframe is confirmed");
        feed.keyframeAt(k);                // confirmed a frame later
        List<byte[]> got = drain(early);
        assertEquals(3, got.size());
        assertSame(TABLES, got.get(0));
        assertSame(p1, got.get(1));
        assertSame(p2, got.get(2));
        byte[] p3 = tagged(1316, 3);
        feed.append(p3);
        assertSame(p3, early.next(Duration.ZERO), "then live");
    }

    @Test
    void aLateJoinerGetsTablesAndTheCachedGopThenLive() throws Exception {
        feed.tables(TABLES);
        feed.append(tagged(1316, 0));
        long k = feed.append(tagged(1316, 1));
        byte[] p2 = tagged(1316, 2);
        feed.append(p2);
        feed.keyframeAt(k);
        assertEquals(2, feed.cachedPayloads());
        TsFeed.Reader late = feed.subscribe();
        List<byte[]> got = drain(late);
        assertEquals(List.of(0x7A, 1, 2), got.stream().map(b -> (int) b[1]).toList());
        // the next keyframe moves the cache forward
        long k2 = feed.append(tagged(1316, 3));
        feed.append(tagged(1316, 4));
        feed.keyframeAt(k2);
        assertEquals(2, feed.cachedPayloads());
        assertEquals(List.of(0x7A, 3, 4), drain(feed.subscribe()).stream().map(b -> (int) b[1]).toList());
    }

    @Test
    void aReaderThatOverflowsSkipsToTheNextKeyframe() throws Exception {
        feed.tables(TABLES);
        feed.keyframeAt(feed.append(tagged(1316, 0)));
        TsFeed.Reader slow = feed.subscribe();
        int big = 1 << 20;
        for (int i = 0; i < 9; i++) feed.append(tagged(big, 10 + i)); // 9 MiB > 8 MiB queue: overflow
        assertEquals(1, slow.skips());
        assertNull(slow.next(Duration.ZERO), "queue cleared, waiting for a keyframe");
        feed.append(tagged(1316, 40));                 // not a keyframe: still skipping
        assertNull(slow.next(Duration.ZERO));
        long k = feed.append(tagged(1316, 50));
        feed.append(tagged(1316, 51));
        feed.keyframeAt(k);
        assertEquals(List.of(0x7A, 50, 51), drain(slow).stream().map(b -> (int) b[1]).toList());
    }

    @Test
    void aGopLargerThanTheCacheIsNotOfferedToJoiners() throws Exception {
        feed.tables(TABLES);
        long k = feed.append(tagged(1316, 0));
        for (int i = 0; i < 9; i++) feed.append(tagged(1 << 20, 1));
        feed.keyframeAt(k);                            // its start was evicted
        assertEquals(0, feed.cachedPayloads());
        assertNull(feed.subscribe().next(Duration.ZERO));
    }

    @Test
    void closingEndsEveryReaderAfterWhatItHasQueuedAndFreesTheKey() throws Exception {
        feed.tables(TABLES);
        feed.keyframeAt(feed.append(tagged(1316, 0)));
        TsFeed.Reader r = feed.subscribe();
        assertEquals(null, feeds.open(KEY), "one SRT feed per key");
        feeds.close(feed);
        List<byte[]> got = drain(r);
        assertEquals(3, got.size());
        assertEquals(0, got.get(2).length, "the end marker");
        assertEquals(0, r.next(Duration.ZERO).length, "and again");
        assertNull(feeds.current(KEY));
        assertTrue(feeds.open(KEY) != null, "the key is free again");
        assertArrayEquals(new byte[0], feed.subscribe().next(Duration.ZERO), "a reader of a closed feed ends at once");
    }
}

package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StreamSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.weir.engine.hub.TestMedia.*;
import static org.junit.jupiter.api.Assertions.*;

class InMemoryStreamHubTest {
    private static final StreamKey KEY = new StreamKey("live", "test");
    private static final PeerInfo PUBLISHER = new PeerInfo("rtmp-1", Protocol.RTMP, "127.0.0.1:50001");
    private static final PeerInfo PLAYER = new PeerInfo("rtmp-2", Protocol.RTMP, "127.0.0.1:50002");
    private static final Duration NO_WAIT = Duration.ZERO;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private InMemoryStreamHub hub(long queueBytes, int maxSkips) {
        Limits l = Limits.DEFAULTS;
        Limits limits = new Limits(l.maxConnections(), l.maxIncomingChunkSize(), l.maxMessageSize(), l.maxChunkStreams(),
                l.handshakeTimeout(), l.idleTimeout(), queueBytes, maxSkips);
        return new InMemoryStreamHub(limits, GopCacheLimits.DEFAULTS, nanos::get);
    }

    private static MediaMessage media(PlayerEvent e) {
        assertInstanceOf(PlayerEvent.Media.class, e, "expected media, got " + e);
        return ((PlayerEvent.Media) e).message();
    }

    /** Everything queued right now, without waiting. */
    private static List<PlayerEvent> drain(Subscription s) throws InterruptedException {
        List<PlayerEvent> out = new ArrayList<>();
        for (PlayerEvent e; (e = s.next(NO_WAIT)) != null; ) {
            out.add(e);
            if (e instanceof PlayerEvent.Disconnected) break;
        }
        return out;
    }

    @Test
    void lateJoinerGetsMetadataThenHeadersThenCurrentGopThenLiveMedia() throws Exception {
        InMemoryStreamHub hub = hub(1 << 20, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(setDataFrameMetadata(0));
        pub.send(aacSequenceHeader(0));       // audio header first: the late joiner must still get video's first
        pub.send(avcSequenceHeader(0));
        pub.send(keyframe(0, 100));
        pub.send(interFrame(40, 50));
        MediaMessage key2 = keyframe(2000, 120);
        MediaMessage audio = aacFrame(2010, 20);
        MediaMessage inter = interFrame(2040, 60);
        pub.send(key2);
        pub.send(audio);
        pub.send(inter);

        Subscription late = hub.play(KEY, PLAYER);
        assertTrue(late.isPublished());
        List<PlayerEvent> first = drain(late);
        assertEquals(6, first.size(), first::toString);
        assertArrayEquals(metadataAsPlayed(), media(first.get(0)).body(), "onMetaData without @setDataFrame");
        assertSame(avcSequenceHeader(0).body()[1], media(first.get(1)).body()[1]);
        assertEquals(MediaMessage.Kind.VIDEO, media(first.get(1)).kind());
        assertEquals(0x00, media(first.get(1)).body()[1], "video sequence header second");
        assertEquals(MediaMessage.Kind.AUDIO, media(first.get(2)).kind());
        assertEquals(0x00, media(first.get(2)).body()[1], "audio sequence header third");
        assertSame(key2, media(first.get(3)), "GOP starts at the last keyframe, the same instance (no copy)");
        assertSame(audio, media(first.get(4)));
        assertSame(inter, media(first.get(5)));

        MediaMessage live = interFrame(2080, 30);
        pub.send(live);
        assertSame(live, media(late.next(NO_WAIT)));
        assertNull(late.next(NO_WAIT));
    }

    @Test
    void secondPublisherIsRefusedAndFirstKeepsRunning() throws Exception {
        InMemoryStreamHub hub = hub(1 << 20, 3);
        Publication first = hub.publish(KEY, PUBLISHER);
        Subscription player = hub.play(KEY, PLAYER);
        StreamBusyException busy = assertThrows(StreamBusyException.class,
                () -> hub.publish(KEY, new PeerInfo("rtmp-3", Protocol.RTMP, "127.0.0.1:50003")));
        assertEquals(KEY, busy.key());
        assertTrue(busy.getMessage().contains("live/test"), busy.getMessage());

        first.send(avcSequenceHeader(0));
        first.send(keyframe(0, 10));
        assertEquals(2, drain(player).size());
        assertEquals("127.0.0.1:50001", hub.streamSnapshots().getFirst().publisherAddress());
    }

    @Test
    void playerAttachedBeforePublisherWaitsThenGetsPublishedAndMedia() throws Exception {
        InMemoryStreamHub hub = hub(1 << 20, 3);
        Subscription player = hub.play(KEY, PLAYER);
        assertFalse(player.isPublished());
        assertNull(player.next(Duration.ofMillis(1)));
        assertEquals(StreamSnapshot.StreamState.IDLE, hub.streamSnapshots().getFirst().state());

        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(avcSequenceHeader(0));
        pub.send(interFrame(0, 10));          // joined mid-GOP: must not be delivered before a keyframe
        MediaMessage key = keyframe(40, 10);
        pub.send(key);
        List<PlayerEvent> events = drain(player);
        assertEquals(new PlayerEvent.Published(KEY), events.get(0));
        assertEquals(0x00, media(events.get(1)).body()[1]);
        assertSame(key, media(events.get(2)));
        assertEquals(3, events.size(), events::toString);
        assertEquals(0, player.droppedMessages(), "frames before the first keyframe were never owed");
    }

    @Test
    void republishTellsPlayersAndResumesWithNewHeaders() throws Exception {
        InMemoryStreamHub hub = hub(1 << 20, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(avcSequenceHeader(0));
        pub.send(keyframe(0, 10));
        Subscription player = hub.play(KEY, PLAYER);
        drain(player);

        pub.close();
        pub.send(interFrame(40, 10)); // a late send after close goes nowhere
        assertEquals(List.of(new PlayerEvent.Unpublished(KEY)), drain(player));
        assertFalse(player.isPublished());
        assertTrue(hub.hasStream(KEY), "the waiting player keeps the stream");

        Publication again = hub.publish(KEY, PUBLISHER);
        MediaMessage header = avcSequenceHeader(0);
        MediaMessage key = keyframe(0, 10);
        again.send(header);
        again.send(key);
        List<PlayerEvent> events = drain(player);
        assertEquals(List.of(new PlayerEvent.Published(KEY), new PlayerEvent.Media(header), new PlayerEvent.Media(key)),
                events);

        Subscription late = hub.play(KEY, PLAYER);
        assertEquals(2, drain(late).size(), "cache holds only the new publisher's header and GOP");
    }

    @Test
    void unpublishedCacheIsForgotten() throws Exception {
        InMemoryStreamHub hub = hub(1 << 20, 3);
        Subscription waiting = hub.play(KEY, PLAYER);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(avcSequenceHeader(0));
        pub.send(keyframe(0, 10));
        pub.close();
        Subscription late = hub.play(KEY, PLAYER);
        assertNull(late.next(NO_WAIT), "nothing cached from the publisher that left");
        waiting.close();
        late.close();
    }

    @Test
    void streamWithoutPublisherOrPlayersIsRemoved() throws Exception {
        InMemoryStreamHub hub = hub(1 << 20, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        Subscription player = hub.play(KEY, PLAYER);
        player.close();
        assertTrue(hub.hasStream(KEY));
        pub.close();
        assertFalse(hub.hasStream(KEY));
        assertTrue(hub.streamSnapshots().isEmpty());

        Subscription waiting = hub.play(KEY, PLAYER);
        assertTrue(hub.hasStream(KEY));
        waiting.close();
        waiting.close(); // idempotent
        assertFalse(hub.hasStream(KEY));
        assertInstanceOf(PlayerEvent.Disconnected.class, waiting.next(NO_WAIT), "a closed subscription says so at once");

        Publication p2 = hub.publish(KEY, PUBLISHER); // the key is free again
        p2.close();
        p2.close();
        assertFalse(hub.hasStream(KEY));
    }

    @Test
    void slowPlayerSkipsToNextKeyframeAndKeepsHeaders() throws Exception {
        InMemoryStreamHub hub = hub(1000, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(avcSequenceHeader(0));
        Subscription slow = hub.play(KEY, PLAYER);
        pub.send(keyframe(0, 400));
        pub.send(interFrame(40, 400));
        pub.send(interFrame(80, 400));   // 1200 > 1000: skip; header stays, both frames dropped, this one too
        pub.send(interFrame(120, 100));  // still waiting for a keyframe: dropped
        MediaMessage key = keyframe(2000, 300);
        pub.send(key);

        List<PlayerEvent> events = drain(slow);
        assertEquals(2, events.size(), events::toString);
        assertEquals(0x00, media(events.get(0)).body()[1], "the sequence header survives the skip");
        assertSame(key, media(events.get(1)), "resumes at the next keyframe");
        assertEquals(4, slow.droppedMessages());
        assertEquals(4, hub.streamSnapshots().getFirst().droppedMessages());
    }

    @Test
    void playerThatNeverReadsIsDisconnectedAfterMaxSkipsWhileOthersGetEverything() throws Exception {
        InMemoryStreamHub hub = hub(1000, 2);
        Publication pub = hub.publish(KEY, PUBLISHER);
        Subscription stuck = hub.play(KEY, PLAYER);
        Subscription fast = hub.play(KEY, new PeerInfo("rtmp-4", Protocol.RTMP, "127.0.0.1:50004"));
        pub.send(avcSequenceHeader(0));
        int sent = 1;
        int fastReceived = drain(fast).size();
        // Each GOP (a 300-byte keyframe and four 200-byte frames) overflows a 1000-byte queue once.
        for (int gop = 0; gop < 4; gop++) {
            pub.send(keyframe(gop * 1000L, 300));
            sent++;
            fastReceived += drain(fast).size();
            for (int i = 1; i <= 4; i++) {
                pub.send(interFrame(gop * 1000L + i * 40, 200));
                sent++;
                fastReceived += drain(fast).size();
            }
        }
        assertEquals(sent, fastReceived, "the fast player misses nothing");

        List<PlayerEvent> events = drain(stuck);
        assertEquals(1, events.size(), events::toString);
        PlayerEvent.Disconnected d = assertInstanceOf(PlayerEvent.Disconnected.class, events.getFirst());
        assertTrue(d.reason().contains("too slow"), d.reason());
        assertSame(d, stuck.next(NO_WAIT), "stays disconnected");

        StreamSnapshot s = hub.streamSnapshots().getFirst();
        assertEquals(1, s.slowPlayerDisconnects());
        assertEquals(1, s.players(), "the stuck player was detached");
        assertTrue(s.droppedMessages() > 0);
        assertEquals(s.droppedMessages(), stuck.droppedMessages());
        stuck.close(); // closing after being cut off is harmless
        assertEquals(1, hub.streamSnapshots().getFirst().players());
    }

    @Test
    void aKeyframeLargerThanTheQueueIsStillDelivered() throws Exception {
        InMemoryStreamHub hub = hub(1000, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(avcSequenceHeader(0));
        Subscription player = hub.play(KEY, PLAYER);
        MediaMessage huge = keyframe(0, 1500);
        pub.send(huge);
        List<PlayerEvent> events = drain(player);
        assertEquals(2, events.size(), events::toString);
        assertSame(huge, media(events.get(1)), "one oversize picture is not a reason to cut the player off");
    }

    @Test
    void playerThatCatchesUpStartsItsSkipCountOver() throws Exception {
        InMemoryStreamHub hub = hub(1000, 1);
        Publication pub = hub.publish(KEY, PUBLISHER);
        Subscription player = hub.play(KEY, PLAYER);
        for (int gop = 0; gop < 5; gop++) {
            pub.send(keyframe(gop * 1000L, 300));
            for (int i = 1; i <= 4; i++) pub.send(interFrame(gop * 1000L + i * 40, 200)); // overflows once per GOP
            pub.send(keyframe(gop * 1000L + 500, 100));
            // reads everything: the resumed GOP drains to empty, so the next overflow is a first one again
            for (PlayerEvent e : drain(player)) assertFalse(e instanceof PlayerEvent.Disconnected, "caught up, not cut off");
        }
        assertEquals(0, hub.streamSnapshots().getFirst().slowPlayerDisconnects());
        assertTrue(player.droppedMessages() > 0);
    }

    @Test
    void gopCacheOverflowFallsBackToHeadersOnlyUntilNextKeyframe() throws Exception {
        Limits l = Limits.DEFAULTS;
        InMemoryStreamHub hub = new InMemoryStreamHub(l, new GopCacheLimits(1000, 4), nanos::get);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(avcSequenceHeader(0));
        pub.send(keyframe(0, 500));
        pub.send(interFrame(40, 400));
        assertArrayEquals(new long[] {2, 900}, hub.cachedGop(KEY));
        pub.send(interFrame(80, 200)); // 1100 bytes > 1000
        assertArrayEquals(new long[] {0, 0}, hub.cachedGop(KEY));
        pub.send(interFrame(120, 10)); // no keyframe yet: not cached
        assertArrayEquals(new long[] {0, 0}, hub.cachedGop(KEY));

        Subscription late = hub.play(KEY, PLAYER);
        List<PlayerEvent> events = drain(late);
        assertEquals(1, events.size(), "headers only");
        pub.send(interFrame(160, 10));
        assertNull(late.next(NO_WAIT), "waits for a keyframe");
        MediaMessage key = keyframe(2000, 10);
        pub.send(key);
        assertSame(key, media(late.next(NO_WAIT)));

        for (int i = 1; i <= 3; i++) pub.send(interFrame(2000 + i * 40L, 10));
        assertArrayEquals(new long[] {4, 40}, hub.cachedGop(KEY));
        pub.send(interFrame(2200, 10)); // fifth message > 4
        assertArrayEquals(new long[] {0, 0}, hub.cachedGop(KEY));
    }

    @Test
    void gopCacheBytesAreCappedAtHalfAPlayerQueue() throws Exception {
        InMemoryStreamHub hub = hub(1000, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(keyframe(0, 400));
        pub.send(interFrame(40, 200)); // 600 > 500
        assertArrayEquals(new long[] {0, 0}, hub.cachedGop(KEY));
    }

    @Test
    void audioOnlyStreamResumesAtAnyAudioFrame() throws Exception {
        InMemoryStreamHub hub = hub(100, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(aacSequenceHeader(0));
        Subscription player = hub.play(KEY, PLAYER);
        for (int i = 0; i < 6; i++) pub.send(aacFrame(i * 23L, 40)); // overflows at the third frame
        List<PlayerEvent> events = drain(player);
        assertEquals(MediaMessage.Kind.AUDIO, media(events.getFirst()).kind());
        assertFalse(events.stream().anyMatch(e -> e instanceof PlayerEvent.Disconnected));
        assertTrue(player.droppedMessages() > 0);
        assertTrue(events.size() >= 3, events::toString);
    }

    @Test
    void snapshotReportsPublisherKeyframeIntervalAndUptime() throws Exception {
        InMemoryStreamHub hub = hub(1 << 20, 3);
        Publication pub = hub.publish(KEY, PUBLISHER);
        pub.send(avcSequenceHeader(0));
        pub.send(keyframe(0, 100));
        pub.send(keyframe(2000, 100));
        nanos.addAndGet(5_000_000_000L);
        StreamSnapshot s = hub.streamSnapshots().getFirst();
        assertEquals("live/test", s.key());
        assertEquals(Protocol.RTMP, s.protocol());
        assertEquals(StreamSnapshot.StreamState.PUBLISHING, s.state());
        assertEquals(Duration.ofSeconds(5), s.uptime());
        assertEquals(2.0, s.keyframeIntervalSec());
        assertEquals(16 + 100 + 100, s.bytesIn());
        assertEquals("H264", s.video().codec());
    }
}

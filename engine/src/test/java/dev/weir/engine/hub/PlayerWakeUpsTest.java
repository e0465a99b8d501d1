package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * When the hub wakes a parked player: for video and control events at once, for audio frames of a stream with
 * video only with the next video frame or after {@link Player#MAX_DEFERRED} of them. Counts the wake-ups the
 * player's queue issued (deterministic: they move only inside {@code offer}); the player's thread is real and
 * waits in {@link Subscription#take()}.
 */
class PlayerWakeUpsTest {
    private static final StreamKey KEY = new StreamKey("live", "wake");

    private final InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS, GopCacheLimits.DEFAULTS, System::nanoTime);
    private final LinkedBlockingQueue<PlayerEvent> received = new LinkedBlockingQueue<>();
    private Thread reader;

    @AfterEach
    void stopReader() throws InterruptedException {
        if (reader != null) {
            reader.interrupt();
            reader.join(5000);
        }
    }

    @Test
    void audioOfAStreamWithVideoWaitsForTheNextVideoFrame() throws Exception {
        Player player = startPlayer();
        Publication pub = hub.publish(KEY, peer("rtmp-pub"));
        pub.send(TestMedia.avcSequenceHeader(0));
        pub.send(TestMedia.aacSequenceHeader(0));
        pub.send(TestMedia.keyframe(0, 1000));
        takeMedia(3);
        awaitParked(player);
        long before = player.wakeUps();

        MediaMessage audio = TestMedia.aacFrame(10, 300);
        pub.send(audio);
        assertEquals(before, player.wakeUps(), "an audio frame alone does not wake the player");

        MediaMessage video = TestMedia.interFrame(40, 800);
        pub.send(video);
        assertEquals(before + 1, player.wakeUps(), "the video frame wakes it");
        assertSame(audio, takeMedia(1).getFirst(), "the held audio frame comes first, in arrival order");
        assertSame(video, takeMedia(1).getFirst());
    }

    @Test
    void audioIsHeldBackForAtMostMaxDeferredFramesWhenVideoPauses() throws Exception {
        Player player = startPlayer();
        Publication pub = hub.publish(KEY, peer("rtmp-pub"));
        pub.send(TestMedia.keyframe(0, 1000));
        takeMedia(1);
        awaitParked(player);
        long before = player.wakeUps();

        for (int i = 1; i < Player.MAX_DEFERRED; i++) {
            pub.send(TestMedia.aacFrame(i * 21L, 300));
            assertEquals(before, player.wakeUps(), "audio frame " + i + " is held");
        }
        pub.send(TestMedia.aacFrame(Player.MAX_DEFERRED * 21L, 300));
        assertEquals(before + 1, player.wakeUps(), "frame " + Player.MAX_DEFERRED + " wakes the player");
        List<MediaMessage> audio = takeMedia(Player.MAX_DEFERRED);
        for (int i = 0; i < audio.size(); i++) assertEquals((i + 1) * 21L, audio.get(i).timestamp());
    }

    @Test
    void everyAudioFrameOfAnAudioOnlyStreamWakesThePlayer() throws Exception {
        Player player = startPlayer();
        Publication pub = hub.publish(KEY, peer("rtmp-pub"));
        for (int i = 0; i < 3; i++) {
            awaitParked(player);
            long before = player.wakeUps();
            pub.send(TestMedia.aacFrame(i * 21L, 300));
            assertEquals(before + 1, player.wakeUps(), "audio frame " + i);
            takeMedia(1);
        }
    }

    @Test
    void unpublishWakesAPlayerHoldingAudio() throws Exception {
        Player player = startPlayer();
        Publication pub = hub.publish(KEY, peer("rtmp-pub"));
        pub.send(TestMedia.keyframe(0, 1000));
        takeMedia(1);
        awaitParked(player);
        pub.send(TestMedia.aacFrame(10, 300));
        pub.close();
        assertEquals(10, takeMedia(1).getFirst().timestamp());
        assertInstanceOf(PlayerEvent.Unpublished.class, received.poll(10, TimeUnit.SECONDS));
    }

    /** A player whose thread takes events into {@link #received} until interrupted or disconnected. */
    private Player startPlayer() throws InterruptedException {
        Player player = (Player) hub.play(KEY, peer("rtmp-play"));
        reader = Thread.ofPlatform().name("wake-test-player").start(() -> {
            try {
                while (true) {
                    PlayerEvent e = player.take();
                    received.add(e);
                    if (e instanceof PlayerEvent.Disconnected) return;
                }
            } catch (InterruptedException e) {
                // test over
            }
        });
        return player;
    }

    /** Waits (up to 10 s, a deadline and not a measurement) until the player's thread is parked in take(). */
    private static void awaitParked(Player player) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!player.isParked()) {
            assertTrue(System.nanoTime() < deadline, "the player thread never parked");
            Thread.sleep(1);
        }
    }

    private List<MediaMessage> takeMedia(int n) throws InterruptedException {
        List<MediaMessage> out = new ArrayList<>();
        while (out.size() < n) {
            PlayerEvent e = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(e, "expected " + n + " media messages, got " + out.size());
            if (e instanceof PlayerEvent.Media m) out.add(m.message());
        }
        return out;
    }

    private static PeerInfo peer(String id) {
        return new PeerInfo(id, Protocol.RTMP, "127.0.0.1:1");
    }
}

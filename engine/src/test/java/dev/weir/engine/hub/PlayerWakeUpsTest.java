package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.stats.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * When the hub wakes a player's thread: once when it is parked in {@link Subscription#take()} and something
 * arrives, and not again for what arrives before it parks again. Counts the wake-ups the player's queue issued
 * (deterministic: they move only inside {@code offer}); the player's thread is real, and the test holds it
 * between takes with a semaphore so it cannot park again behind the test's back.
 */
class PlayerWakeUpsTest {
    private static final StreamKey KEY = new StreamKey("live", "wake");

    private final InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS, GopCacheLimits.DEFAULTS, System::nanoTime);
    private final LinkedBlockingQueue<PlayerEvent> received = new LinkedBlockingQueue<>();
    private final Semaphore mayTake = new Semaphore(0);
    private Thread reader;

    @AfterEach
    void stopReader() throws InterruptedException {
        if (reader != null) {
            reader.interrupt();
            reader.join(5000);
        }
    }

    @Test
    void messagesArrivingWhileThePlayerRunsCostNoFurtherWakeUp() throws Exception {
        Player player = startPlayer();
        mayTake.release();                 // the player takes Published when it comes, then parks
        Publication pub = hub.publish(KEY, peer("rtmp-pub"));
        assertInstanceOf(PlayerEvent.Published.class, received.poll(10, TimeUnit.SECONDS));
        mayTake.release();
        awaitParked(player);
        long before = player.wakeUps();

        MediaMessage key = TestMedia.keyframe(0, 1000);
        MediaMessage audio = TestMedia.aacFrame(10, 300);
        MediaMessage inter = TestMedia.interFrame(40, 800);
        pub.send(key);                     // wakes the player, which takes it and waits for the semaphore
        pub.send(audio);
        pub.send(inter);
        assertEquals(before + 1, player.wakeUps(), "one wake-up for the burst");

        mayTake.release(2);
        assertEquals(List.of(key, audio, inter), takeMedia(3), "everything, in order");
    }

    @Test
    void closingTheSubscriptionEndsAWaitingTake() throws Exception {
        Player player = startPlayer();
        mayTake.release();
        awaitParked(player);
        player.close();
        assertInstanceOf(PlayerEvent.Disconnected.class, received.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void anUnpublishReachesAParkedPlayer() throws Exception {
        Player player = startPlayer();
        mayTake.release(100);
        Publication pub = hub.publish(KEY, peer("rtmp-pub"));
        pub.send(TestMedia.keyframe(0, 1000));
        assertEquals(1, takeMedia(1).size());
        awaitParked(player);
        pub.close();
        assertInstanceOf(PlayerEvent.Unpublished.class, received.poll(10, TimeUnit.SECONDS));
    }

    /** A player whose thread takes one event into {@link #received} per permit, until interrupted or disconnected. */
    private Player startPlayer() {
        Player player = (Player) hub.play(KEY, peer("rtmp-play"));
        reader = Thread.ofPlatform().name("wake-test-player").start(() -> {
            try {
                while (true) {
                    mayTake.acquire();
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

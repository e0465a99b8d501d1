package dev.weir.engine.record;

import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.config.Limits;
import dev.weir.engine.hub.InMemoryStreamHub;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.Publication;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RecordingSnapshot.State;
import dev.weir.engine.testing.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's recordings against the real hub, with FLV-form messages (an AVC sequence header from
 * golden/media/avc_320x240_avcC.hex, keyframes, AAC): files, states, failures, record-all.
 */
class RecordingsTest {
    private static final StreamKey KEY = new StreamKey("live", "test");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final byte[] AVC_HEADER = Hex.bytes("17 00 000000"
            + " 0164000dffe100176764000dacb20283f60220000003002000000641e2854901000668ebc3cb22c0fdf8f800");
    private static final byte[] KEYFRAME = Hex.bytes("17 01 000000  00000005 65 88 84 00 33");
    private static final byte[] FRAME = Hex.bytes("27 01 000000  00000005 41 9a 02 0b 80");
    private static final byte[] AAC_HEADER = Hex.bytes("af 00 1210");
    private static final byte[] AAC_FRAME = Hex.bytes("af 01 21 10 04 60 8c 1c");

    @TempDir
    Path dir;

    private final InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS);
    private Recordings recordings;

    @AfterEach
    void close() {
        if (recordings != null) recordings.close();
    }

    private Publication publishTwoSeconds() throws Exception {
        Publication p = hub.publish(KEY, new PeerInfo("rtmp-1", Protocol.RTMP, "127.0.0.1:1"));
        p.send(new MediaMessage(MediaMessage.Kind.VIDEO, 0, AVC_HEADER));
        p.send(new MediaMessage(MediaMessage.Kind.AUDIO, 0, AAC_HEADER));
        for (int t = 0; t <= 2000; t += 40) {
            p.send(new MediaMessage(MediaMessage.Kind.VIDEO, t, t % 1000 == 0 ? KEYFRAME : FRAME));
            p.send(new MediaMessage(MediaMessage.Kind.AUDIO, t, AAC_FRAME));
        }
        return p;
    }

    private RecordingSnapshot await(Predicate<RecordingSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RecordingSnapshot s = null;
        while (System.nanoTime() < deadline) {
            s = recordings.snapshot(KEY);
            if (s != null && condition.test(s)) return s;
            Thread.sleep(10);
        }
        throw new AssertionError("recording never reached the expected state; last " + s);
    }

    @Test
    void aManualRecordingWritesAnFlvPerPublication() throws Exception {
        recordings = new Recordings(hub, new TsFeeds(), dir, CLOCK);
        recordings.start(KEY);
        assertEquals(State.WAITING, await(s -> true).state());
        try (Publication p = publishTwoSeconds()) {
            RecordingSnapshot rec = await(s -> s.state() == State.RECORDING && s.duration().toMillis() == 2000);
            assertEquals("flv", rec.format());
            assertEquals(dir.resolve("live_test_20260304_050607.flv").toString(), rec.file());
        }
        RecordingSnapshot done = await(s -> s.state() == State.WAITING && s.bytes() > 0);
        Path file = Path.of(done.file());
        assertEquals(Files.size(file), done.bytes());
        byte[] head = Files.readAllBytes(file);
        assertEquals("FLV", new String(head, 0, 3, java.nio.charset.StandardCharsets.US_ASCII));

        // the next publication in the same second gets its own file, never overwriting the first
        try (Publication p = publishTwoSeconds()) {
            RecordingSnapshot second = await(s -> s.state() == State.RECORDING);
            assertEquals(dir.resolve("live_test_20260304_050607-2.flv").toString(), second.file());
        }
        recordings.stop(KEY);
        assertEquals(State.STOPPED, recordings.snapshot(KEY).state());
    }

    @Test
    void anUnwritableDirectoryFailsTheRecordingAndNotThePublisher() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        recordings = new Recordings(hub, new TsFeeds(), notADirectory.resolve("recordings"), CLOCK);
        recordings.start(KEY);
        try (Publication p = publishTwoSeconds()) {
            RecordingSnapshot failed = await(s -> s.state() == State.FAILED);
            assertTrue(failed.lastError().contains(notADirectory.toString()), failed.lastError());
            assertTrue(failed.lastError().startsWith("cannot create a recording of live/test in "), failed.lastError());
            p.send(new MediaMessage(MediaMessage.Kind.VIDEO, 2040, FRAME)); // the stream goes on
            assertTrue(hub.isPublished(KEY));
        }
    }

    @Test
    void recordAllFollowsPublicationsAndAnOperatorStopHoldsUntilTheNext() throws Exception {
        recordings = new Recordings(hub, new TsFeeds(), dir, CLOCK);
        recordings.recordAll();
        Publication p = publishTwoSeconds();
        RecordingSnapshot first = await(s -> s.state() == State.RECORDING);
        p.close();
        await(s -> s.state() == State.STOPPED);
        p = publishTwoSeconds();
        RecordingSnapshot second = await(s -> s.state() == State.RECORDING);
        assertNotEquals(first.file(), second.file());
        recordings.stop(KEY);
        assertEquals(State.STOPPED, recordings.snapshot(KEY).state());
        Thread.sleep(600); // two watcher rounds: an operator's stop is not undone while the publication lasts
        assertEquals(State.STOPPED, recordings.snapshot(KEY).state());
        p.close();
        Thread.sleep(600); // the watcher sees the key without a publisher: the hold is released
        p = publishTwoSeconds();
        await(s -> s.state() == State.RECORDING);
        p.close();
    }

    @Test
    void closingFinalizesRunningRecordings() throws Exception {
        recordings = new Recordings(hub, new TsFeeds(), dir, CLOCK);
        recordings.start(KEY);
        try (Publication p = publishTwoSeconds()) {
            await(s -> s.state() == State.RECORDING && s.duration().toMillis() == 2000);
            recordings.close();
            RecordingSnapshot s = recordings.snapshot(KEY);
            assertEquals(State.STOPPED, s.state());
            assertEquals(Files.size(Path.of(s.file())), s.bytes());
            assertTrue(s.bytes() > 13, "header and tags");
            assertEquals(Duration.ofMillis(2000), s.duration());
        }
    }
}

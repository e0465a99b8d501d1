package dev.weir.ui.engine;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.ui.SnapshotEngine;
import dev.weir.ui.Snapshots;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AttachableEngineTest {
    private final EngineSnapshot localSnapshot = Snapshots.at(Snapshots.T0,
            Snapshots.publishing("live/local", 1_000_000, 0, 0, Duration.ofSeconds(5)));
    private final SnapshotEngine local = new SnapshotEngine(() -> localSnapshot);

    @Test
    void whileAttachedNothingReachesTheLocalEngineAndDetachGivesItBack() throws Exception {
        try (AttachableEngine engine = new AttachableEngine(local, Duration.ofMillis(250))) {
            engine.startRecording("live/local");
            assertEquals(List.of("record live/local"), local.calls);
            assertSame(localSnapshot, engine.snapshot());

            // Nobody answers on port 9 of loopback: the remote shows nothing yet, and changes are refused.
            engine.attach(RemoteAddress.parse("127.0.0.1:9"));
            assertEquals(EngineSnapshot.EMPTY, engine.snapshot(), "a remote's snapshot, not the local one");
            ReadOnlyEngineException e = assertThrows(ReadOnlyEngineException.class, () -> engine.startRecording("live/local"));
            assertTrue(e.getMessage().contains("read-only — attached to 127.0.0.1:9"), e.getMessage());
            assertThrows(ReadOnlyEngineException.class, () -> engine.stopRecording("live/local"));
            assertThrows(ReadOnlyEngineException.class, () -> engine.disconnect("rtmp-1"));
            assertThrows(ReadOnlyEngineException.class, () -> engine.startListener(Protocol.RTMP, ":1935"));
            assertThrows(ReadOnlyEngineException.class, () -> engine.stopListener("rtmp:0.0.0.0:1935"));
            assertThrows(ReadOnlyEngineException.class, engine::reloadAccessFiles);
            assertThrows(ReadOnlyEngineException.class, () -> engine.restart(engine.config()));
            assertEquals(List.of("record live/local"), local.calls, "nothing got through");
            assertEquals(local.config(), engine.config(), "the settings screen still edits the local configuration");
            assertNotNull(engine.remote());

            engine.detach();
            assertNull(engine.remote());
            assertSame(localSnapshot, engine.snapshot());
            engine.stopRecording("live/local");
            assertEquals(List.of("record live/local", "stop recording live/local"), local.calls);
        }
    }
}

package dev.weir.ui;

import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.VideoInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-built engine snapshots for view model tests. */
public final class Snapshots {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Snapshots() {}

    public static StreamSnapshot publishing(String key, long bitrateIn, long bitrateOut, int players, Duration uptime) {
        return new StreamSnapshot(key, Protocol.RTMP, "127.0.0.1:50000", StreamSnapshot.StreamState.PUBLISHING,
                uptime, bitrateIn / 8 * uptime.toSeconds(), bitrateIn, bitrateOut / 8 * uptime.toSeconds(), bitrateOut,
                new VideoInfo("H264", "High", "3.0", 640, 360, 25.0),
                new AudioInfo("AAC", "LC", 44100, 2),
                2.0, players, 0, 0);
    }

    public static EngineSnapshot at(Instant takenAt, StreamSnapshot... streams) {
        return new EngineSnapshot(takenAt, List.of(), List.of(streams), List.of());
    }

    public static EngineSnapshot withListener(ListenerSnapshot listener) {
        return new EngineSnapshot(T0, List.of(listener), List.of(), List.of());
    }
}

package dev.weir.engine.api;

import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.VideoInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Snapshots for the API tests: one fixed, with awkward text, and seeded random ones. */
final class SampleSnapshots {
    private SampleSnapshots() {}

    static EngineSnapshot fixed() {
        return new EngineSnapshot(
                Instant.parse("2026-11-21T05:00:00.250Z"),
                List.of(
                        new ListenerSnapshot("rtmp:0.0.0.0:1935", Protocol.RTMP, "0.0.0.0:1935", ListenerSnapshot.ListenerState.RUNNING, null, 2, 10, 1),
                        new ListenerSnapshot("srt:0.0.0.0:10080", Protocol.SRT, "0.0.0.0:10080", ListenerSnapshot.ListenerState.FAILED,
                                "port 10080 \"in use\"\nby pid 7", 0, 0, 0)),
                List.of(
                        new StreamSnapshot("live/test", Protocol.RTMP, "127.0.0.1:50000", StreamSnapshot.StreamState.PUBLISHING,
                                Duration.ofMillis(62_500), 1_234_567, 2_500_000, 2_469_134, 5_000_000,
                                new VideoInfo("H264", "High", "3.0", 640, 360, 25.0), new AudioInfo("AAC", "LC", 44100, 2),
                                2.0, 2, 3, 0).withIngestDetails(4, new RecordingSnapshot(RecordingSnapshot.State.RECORDING,
                                "recordings/live_test_20261121_045900.flv", "flv", 1_048_576, Duration.ofSeconds(60), null)),
                        new StreamSnapshot("live/we\"ird\\key\nx", null, null, StreamSnapshot.StreamState.IDLE,
                                Duration.ZERO, 0, 0, 0, 0, VideoInfo.NONE, AudioInfo.NONE, 0, 1, 0, 1)),
                List.of(
                        new ConnectionSnapshot("rtmp-1", Protocol.RTMP, "rtmp:0.0.0.0:1935", "127.0.0.1:50000",
                                ConnectionSnapshot.Role.PUBLISHER, ConnectionSnapshot.State.PUBLISHING, "live/test",
                                Duration.ofMillis(62_900), 1_240_000, 3_000, 2_500_000, 100, 0),
                        new ConnectionSnapshot("rtmp-2", Protocol.RTMP, "rtmp:0.0.0.0:1935", "127.0.0.1:50001",
                                ConnectionSnapshot.Role.PLAYER, ConnectionSnapshot.State.PLAYING, "live/test",
                                Duration.ofSeconds(30), 500, 1_234_000, 80, 2_500_000, 3)),
                List.of(new RelaySnapshot("live/test", "rtmp://backup.example:1935/live/test?***", RelaySnapshot.State.BACKOFF,
                        987_654, 0, 2, "cannot connect to backup.example:1935: Connection refused")));
    }

    static EngineSnapshot random(Random r) {
        List<ListenerSnapshot> ls = new ArrayList<>();
        List<StreamSnapshot> ss = new ArrayList<>();
        List<ConnectionSnapshot> cs = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            ls.add(new ListenerSnapshot(text(r), pick(r, Protocol.values()), text(r), pick(r, ListenerSnapshot.ListenerState.values()),
                    r.nextBoolean() ? null : text(r), r.nextInt(), r.nextLong(), r.nextLong()));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            ss.add(new StreamSnapshot(text(r), r.nextBoolean() ? null : pick(r, Protocol.values()), r.nextBoolean() ? null : text(r),
                    pick(r, StreamSnapshot.StreamState.values()), r.nextBoolean() ? null : Duration.ofNanos(r.nextLong() & Long.MAX_VALUE),
                    r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(),
                    r.nextBoolean() ? null : new VideoInfo(r.nextBoolean() ? null : text(r), text(r), text(r), r.nextInt(), r.nextInt(), r.nextDouble() * 120),
                    r.nextBoolean() ? null : new AudioInfo(text(r), null, r.nextInt(), r.nextInt()),
                    r.nextDouble() * 10, r.nextInt(), r.nextLong(), r.nextLong())
                    .withIngestDetails(r.nextLong(), r.nextBoolean() ? null : new RecordingSnapshot(
                            pick(r, RecordingSnapshot.State.values()), r.nextBoolean() ? null : text(r),
                            r.nextBoolean() ? null : text(r), r.nextLong(), Duration.ofMillis(r.nextInt(1_000_000)),
                            r.nextBoolean() ? null : text(r))));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            cs.add(new ConnectionSnapshot(text(r), pick(r, Protocol.values()), r.nextBoolean() ? null : text(r), text(r),
                    pick(r, ConnectionSnapshot.Role.values()), pick(r, ConnectionSnapshot.State.values()), r.nextBoolean() ? null : text(r),
                    Duration.ofSeconds(r.nextInt(1_000_000), r.nextInt(1_000_000_000)), r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()));
        }
        return new EngineSnapshot(Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000)), ls, ss, cs);
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Random text including quotes, backslashes, control characters and non-BMP characters. */
    static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        String specials = "\"\\\n\r\t\u0000\u2028é/{}=,";
        for (int i = r.nextInt(12); i >= 0; i--) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append(specials.charAt(r.nextInt(specials.length())));
                case 1 -> sb.appendCodePoint(0x1F600 + r.nextInt(50));
                default -> sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }
}

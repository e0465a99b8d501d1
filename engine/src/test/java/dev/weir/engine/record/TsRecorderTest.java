package dev.weir.engine.record;

import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TsRecorderTest {
    @TempDir
    Path dir;

    @Test
    void writesReceivedPacketsAlignedAndSkipsGarbage() throws IOException {
        byte[] ts = MediaGolden.bytes("ffmpeg_h264_aac_160x120.ts");
        long[] now = {0};
        Path file = dir.resolve("live_srt_20260101_000000.ts");
        try (TsRecorder r = TsRecorder.create(file, () -> now[0])) {
            r.write(MediaGolden.hex("00 01 02"), 0, 3); // garbage before the first packet
            for (int p = 0; p < ts.length; p += 1000) { // chunks that cut packets in two
                r.write(ts, p, Math.min(1000, ts.length - p));
            }
            r.write(ts, 0, 100); // a partial packet at the end is not written
            assertEquals(3, r.skippedBytes());
        }
        byte[] written = Files.readAllBytes(file);
        assertArrayEquals(ts, written);
    }

    @Test
    void flushesByTheInjectedClock() throws IOException {
        byte[] ts = Arrays.copyOf(MediaGolden.bytes("ffmpeg_h264_aac_160x120.ts"), 188 * 7);
        long[] now = {0};
        Path file = dir.resolve("clock.ts");
        TsRecorder r = TsRecorder.create(file, () -> now[0]);
        r.write(ts, 0, ts.length);
        assertEquals(0, Files.size(file), "buffered: less than 64 KiB and less than a second");
        now[0] = TsRecorder.FLUSH_INTERVAL_NANOS;
        r.write(ts, 0, 188);
        assertEquals(188 * 8, Files.size(file));
        r.close();
    }
}

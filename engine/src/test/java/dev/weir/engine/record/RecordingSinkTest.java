package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.StreamKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingSinkTest {
    @TempDir
    Path dir;

    /** Stands in for a disk that fills up after a number of writes. */
    static final class FillingDisk implements MediaRecorder {
        int writesLeft;
        boolean closed;

        FillingDisk(int writesLeft) {
            this.writesLeft = writesLeft;
        }

        @Override
        public void write(MediaMessage message) throws IOException {
            if (writesLeft-- <= 0) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public Path file() {
            return Path.of("recordings/live_test.flv");
        }
    }

    @Test
    void diskFullStopsTheRecordingReportsOnceAndNeverThrows() {
        List<RecordingSink.Failure> failures = new ArrayList<>();
        FillingDisk disk = new FillingDisk(2);
        RecordingSink sink = new RecordingSink("live/test", disk, failures::add);
        for (int i = 0; i < 10; i++) {
            sink.accept(new MediaMessage(MediaMessage.Kind.VIDEO, i, new byte[]{0x27}));
        }
        sink.close();
        assertEquals(1, failures.size());
        assertTrue(sink.failed());
        assertTrue(disk.closed, "the file is closed, keeping what was written");
        assertEquals("recording of live/test to recordings/live_test.flv stopped: No space left on device",
                failures.getFirst().message());
    }

    @Test
    void unwritableDirectoryIsACheckedErrorAtCreation() throws IOException {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        assertThrows(IOException.class, () -> FlvRecorder.create(blocker.resolve("live_test.flv")));
        assertThrows(IOException.class, () -> Fmp4Recorder.create(blocker.resolve("live_test.mp4")));
        assertThrows(IOException.class, () -> TsRecorder.create(blocker.resolve("live_test.ts")));
    }

    @Test
    void fileNamesFollowAppNameTimestamp() {
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 21, 5, 9, 26, 0, ZoneOffset.UTC);
        assertEquals("live_test_20261121_050926.flv", RecordingNames.fileName(StreamKey.parse("live/test"), t, "flv"));
        assertEquals("live_cam_1_20261121_050926.mp4",
                RecordingNames.fileName(StreamKey.parse("live/cam/1"), t, "mp4"), "slashes in names become _");
        assertEquals("live_a_b_20261121_060926.ts", RecordingNames.fileName(new StreamKey("live", "a b"),
                t.withZoneSameInstant(ZoneOffset.ofHours(1)).plusHours(1), "ts"), "always UTC");
    }
}

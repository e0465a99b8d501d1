package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.FlvFileReader;
import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FlvRecorderTest {
    @TempDir
    Path dir;

    static final byte[] HEADER_AND_METADATA = MediaGolden.hex("""
            46 4c 56 01 05 00 00 00 09   # 'FLV', version 1, audio+video, header size 9
            00 00 00 00                  # PreviousTagSize0
            12 00 00 3b 00 00 00 00 00 00 00   # script tag, 59 bytes, time 0, stream 0
            02 00 0a 6f 6e 4d 65 74 61 44 61 74 61   # "onMetaData"
            08 00 00 00 02               # ECMA array of 2
            00 08 64 75 72 61 74 69 6f 6e 00   # "duration": number
            """);

    @Test
    void writesHeaderTagsAndRewritesDurationAndSizeOnClose() throws IOException {
        Path file = dir.resolve("live_test_20260101_000000.flv");
        try (FlvRecorder r = FlvRecorder.create(file)) {
            r.write(new MediaMessage(MediaMessage.Kind.VIDEO, 5000, MediaGolden.hex("17 00 00 00 00 01")));
            r.write(new MediaMessage(MediaMessage.Kind.AUDIO, 5000, MediaGolden.hex("af 00 12 10")));
            r.write(new MediaMessage(MediaMessage.Kind.DATA, 5000, MediaGolden.hex("02 00 01 78")));
            r.write(new MediaMessage(MediaMessage.Kind.VIDEO, 7500, MediaGolden.hex("27 01 00 00 00 aa")));
        }
        byte[] flv = Files.readAllBytes(file);
        assertArrayEquals(HEADER_AND_METADATA, Arrays.copyOf(flv, HEADER_AND_METADATA.length));
        ByteBuffer b = ByteBuffer.wrap(flv);
        assertEquals(2.5, b.getDouble(HEADER_AND_METADATA.length), "seconds from first to last tag");
        assertEquals(flv.length, b.getDouble(HEADER_AND_METADATA.length + 8 + 11), 0.0);
        List<MediaMessage> tags = FlvFileReader.read(flv);
        assertEquals(4, tags.size(), "metadata + 3 media tags (publisher script data is not copied)");
        assertEquals(0, tags.get(1).timestamp());
        assertEquals(2500, tags.get(3).timestamp());
        assertArrayEquals(MediaGolden.hex("27 01 00 00 00 aa"), tags.get(3).body());
    }

    @Test
    void anAbandonedRecorderLeavesOnlyWholeTags() throws IOException {
        Path file = dir.resolve("abandoned.flv");
        FlvRecorder r = FlvRecorder.create(file);
        r.write(new MediaMessage(MediaMessage.Kind.VIDEO, 0, MediaGolden.hex("17 00 00 00 00 01")));
        // a keyframe: flushed to the OS with everything before it
        r.write(new MediaMessage(MediaMessage.Kind.VIDEO, 0, MediaGolden.hex("17 01 00 00 00 bb")));
        r.write(new MediaMessage(MediaMessage.Kind.VIDEO, 40, MediaGolden.hex("27 01 00 00 00 cc"))); // buffered
        byte[] flv = Files.readAllBytes(file); // as a crash would leave it
        List<MediaMessage> tags = FlvFileReader.read(flv);
        assertEquals(3, tags.size());
        int end = 13;
        for (MediaMessage t : tags) {
            end += 11 + t.body().length + 4;
        }
        assertEquals(flv.length, end, "the file ends exactly after a whole tag");
        r.close();
        assertEquals(4, FlvFileReader.read(Files.readAllBytes(file)).size());
    }

    @Test
    void existingFileIsNotOverwritten() throws IOException {
        Path file = dir.resolve("taken.flv");
        Files.writeString(file, "keep me");
        assertThrows(IOException.class, () -> FlvRecorder.create(file));
        assertEquals("keep me", Files.readString(file));
    }
}

package dev.weir.engine.bridge;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SRT publisher's payloads through {@link TsIngest}, with ffmpeg's TS (golden/media/ffmpeg_h264_aac_160x120.ts:
 * SDT, PAT, PMT, one H.264 GOP of 5 frames and AAC) cut into 1316-byte payloads as SRT carries them.
 */
class TsIngestTest {
    private static final int VIDEO_PID = 0x100;

    private static byte[] golden() throws Exception {
        try (InputStream in = TsIngestTest.class.getResourceAsStream("/golden/media/ffmpeg_h264_aac_160x120.ts")) {
            assertNotNull(in);
            return in.readAllBytes();
        }
    }

    @Test
    void hubMessagesComeOutAndTheFeedOffersPatPmtThenTheKeyframe() throws Exception {
        byte[] ts = golden();
        TsFeed feed = new TsFeeds().open(new StreamKey("live", "test"));
        List<MediaMessage> out = new ArrayList<>();
        TsIngest ingest = new TsIngest("test", feed, out::add);
        for (int off = 0; off < ts.length; off += 1316) {
            int n = Math.min(1316, ts.length - off);
            byte[] payload = new byte[1500];
            System.arraycopy(ts, off, payload, 0, n);
            ingest.payload(payload, n);
        }
        ingest.end();

        List<TagRole> video = out.stream().filter(m -> m.kind() == MediaMessage.Kind.VIDEO)
                .map(m -> FlvVideoTag.roleOf(m.body())).toList();
        assertEquals(TagRole.SEQUENCE_HEADER, video.get(0));
        assertEquals(TagRole.KEY_FRAME, video.get(1));
        assertEquals(6, video.size(), "sequence header + 5 frames");
        assertTrue(out.stream().anyMatch(m -> m.kind() == MediaMessage.Kind.AUDIO));
        assertEquals(0, ingest.counters().continuityErrors());

        // A joiner now: PAT + PMT, then the payload in which the keyframe's PES starts.
        TsFeed.Reader joiner = feed.subscribe();
        byte[] tables = joiner.next(Duration.ZERO);
        assertEquals(376, tables.length);
        assertEquals(0, pid(tables, 0), "PAT first");
        assertEquals(0x1000, pid(tables, 188), "then ffmpeg's PMT");
        byte[] first = joiner.next(Duration.ZERO);
        boolean keyframeStartsHere = false;
        for (int p = 0; p + 188 <= first.length; p += 188) {
            if (pid(first, p) == VIDEO_PID && (first[p + 1] & 0x40) != 0) keyframeStartsHere = true;
        }
        assertTrue(keyframeStartsHere, "the first cached payload holds the keyframe's PES start");
    }

    @Test
    void continuityErrorsReachTheFeedForTheStats() throws Exception {
        byte[] ts = golden();
        TsFeed feed = new TsFeeds().open(new StreamKey("live", "test"));
        TsIngest ingest = new TsIngest("test", feed, m -> {});
        int dropped = 0;
        for (int off = 0, i = 0; off < ts.length; off += 188, i++) {
            if (i == 12 || i == 20) {  // lose two video packets, as an SRT link without retransmission would
                dropped++;
                continue;
            }
            byte[] packet = java.util.Arrays.copyOfRange(ts, off, off + 188);
            ingest.payload(packet, 188);
        }
        ingest.end();
        assertEquals(2, dropped);
        assertTrue(feed.continuityErrors() >= 1, "continuity errors: " + feed.continuityErrors());
        assertEquals(ingest.counters().continuityErrors(), feed.continuityErrors());
    }

    private static int pid(byte[] b, int off) {
        return ((b[off + 1] & 0x1F) << 8) | (b[off + 2] & 0xFF);
    }
}

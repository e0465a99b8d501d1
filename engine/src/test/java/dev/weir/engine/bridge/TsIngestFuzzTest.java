package dev.weir.engine.bridge;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.hub.StreamKey;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SRT publisher's payloads are network input: the ingest (its own PAT/PMT tracking and keyframe bookkeeping
 * on top of the demuxer and converter) must take any bytes as 1316-byte payloads without throwing, and what it
 * offers a joiner must start with the 376 bytes of PAT + PMT.
 */
class TsIngestFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyPayloadsAreSurvived(byte[] input) throws InterruptedException {
        TsFeed feed = new TsFeeds().open(new StreamKey("live", "fuzz"));
        TsIngest ingest = new TsIngest("fuzz", feed, m -> {});
        byte[] payload = new byte[1456];
        for (int off = 0; off < input.length; off += 1316) {
            int n = Math.min(1316, input.length - off);
            System.arraycopy(input, off, payload, 0, n);
            ingest.payload(payload, n);
        }
        ingest.end();
        byte[] first = feed.subscribe().next(Duration.ZERO);
        assertTrue(first == null || first.length == 376, "a joiner starts with PAT + PMT");
    }
}

package dev.weir.engine.media.convert;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.mp4.Fmp4Muxer;
import dev.weir.engine.media.mp4.Mp4Exception;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RTMP publishers send any tag bodies: the TS muxer and the MP4 muxer must not throw on them. */
class FlvBodiesFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyMessagesThroughTsAndMp4(FuzzedDataProvider data) {
        long[] bytes = new long[1];
        FlvToTs ts = new FlvToTs("fuzz", (buf, off) -> bytes[0] += 188);
        Fmp4Muxer mp4 = new Fmp4Muxer();
        long t = 0;
        while (data.remainingBytes() > 0) {
            MediaMessage.Kind kind = data.pickValue(MediaMessage.Kind.values());
            t += data.consumeInt(0, 100);
            MediaMessage m = new MediaMessage(kind, t, data.consumeBytes(data.consumeInt(0, 300)));
            ts.accept(m);
            try {
                mp4.accept(m);
            } catch (Mp4Exception expected) {
                mp4 = new Fmp4Muxer(); // the recording would stop; start afresh for the next messages
            }
        }
        mp4.finish();
        assertEquals(0, bytes[0] % 188);
    }
}

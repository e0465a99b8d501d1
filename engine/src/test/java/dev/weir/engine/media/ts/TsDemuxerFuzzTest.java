package dev.weir.engine.media.ts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.media.convert.TsToFlv;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transport streams come from any SRT publisher: the demuxer and the converter behind it must take any bytes,
 * in any chunking, without throwing, and count damage instead.
 */
class TsDemuxerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyBytesInAnyChunkingAreSurvived(FuzzedDataProvider data) {
        long[] units = new long[1];
        TsToFlv converter = new TsToFlv("fuzz", m -> units[0]++);
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onAccessUnit(AccessUnit unit) {
                assertTrue(unit.data().length <= PesAssembler.MAX_PES_BYTES);
                converter.onAccessUnit(unit);
            }

            @Override
            public void onProgramMap(ProgramMap map) {
                converter.onProgramMap(map);
            }
        });
        long fed = 0;
        while (data.remainingBytes() > 0) {
            int chunk = data.consumeInt(1, 2000);
            byte[] bytes = data.consumeBytes(chunk);
            demuxer.feed(bytes);
            fed += bytes.length;
        }
        demuxer.endOfStream();
        TsDemuxerCounters c = demuxer.counters();
        assertTrue(c.packets() * TsPacket.SIZE + c.bytesSkipped() <= fed);
    }
}

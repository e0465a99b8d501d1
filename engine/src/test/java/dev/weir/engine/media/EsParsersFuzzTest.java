package dev.weir.engine.media;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.media.aac.AdtsHeader;
import dev.weir.engine.media.aac.AudioSpecificConfig;
import dev.weir.engine.media.avc.AvcDecoderConfigurationRecord;
import dev.weir.engine.media.avc.AvcSps;
import dev.weir.engine.media.hevc.HevcDecoderConfigurationRecord;
import dev.weir.engine.media.hevc.HevcSps;
import dev.weir.engine.media.mp3.MpegAudioHeader;
import dev.weir.engine.media.nal.AnnexB;
import dev.weir.engine.media.ts.PesHeader;
import dev.weir.engine.media.ts.TsFormatException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PES headers, ADTS, Annex B, parameter sets and config records arrive from publishers: only the declared
 * format exceptions may escape, and what parses must be self-consistent. One target (the CI fuzz budget is per
 * target); the first byte picks the parser.
 */
class EsParsersFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void everyElementaryStreamParser(FuzzedDataProvider data) {
        int parser = data.consumeInt(0, 9);
        byte[] input = data.consumeRemainingAsBytes();
        try {
            switch (parser) {
                case 0 -> {
                    PesHeader h = PesHeader.parse(input, input.length);
                    assertTrue(h.payloadOffset() <= input.length);
                }
                case 1 -> adtsChain(input);
                case 2 -> {
                    List<byte[]> units = AnnexB.split(input);
                    assertTrue(units.stream().mapToInt(u -> u.length).sum() <= input.length);
                }
                case 3 -> AnnexB.splitLengthPrefixed(input, 0, input.length, 1 + (input.length & 1) * 3);
                case 4 -> AvcSps.parse(input);
                case 5 -> HevcSps.parse(input);
                case 6 -> AvcDecoderConfigurationRecord.parse(input, 0, input.length);
                case 7 -> HevcDecoderConfigurationRecord.parse(input, 0, input.length);
                case 8 -> AudioSpecificConfig.parse(input, 0, input.length);
                default -> MpegAudioHeader.parse(input, 0, input.length);
            }
        } catch (MalformedMediaException | TsFormatException expected) {
            // refused cleanly
        }
    }

    private static void adtsChain(byte[] input) throws MalformedMediaException {
        int p = 0;
        while (p < input.length) {
            AdtsHeader h = AdtsHeader.parse(input, p, input.length - p);
            assertTrue(h.frameLength() > h.headerLength());
            p += h.frameLength();
        }
    }
}

package dev.weir.engine.media;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.media.aac.AudioSpecificConfig;
import dev.weir.engine.media.avc.AvcDecoderConfigurationRecord;
import dev.weir.engine.media.avc.AvcSps;
import dev.weir.engine.media.hevc.HevcDecoderConfigurationRecord;
import dev.weir.engine.media.hevc.HevcSps;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One fuzz target for the codec configuration parsers publishers feed us through sequence headers (one target
 * per class, as docs/testing.md asks): the first input byte picks H.264 SPS, avcC, hvcC or AAC
 * AudioSpecificConfig, the rest is the input. Anything may be refused, but only with
 * {@link MalformedMediaException}; what is accepted must describe a real picture or sound.
 */
class CodecConfigFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void codecConfig(byte[] input) {
        if (input.length == 0) return;
        byte[] data = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch (Math.floorMod(input[0], 4)) {
                case 0 -> {
                    AvcSps sps = AvcSps.parse(data);
                    assertTrue(sps.width() > 0 && sps.height() > 0);
                    assertTrue(sps.frameRate() >= 0);
                    assertNotNull(sps.profileName());
                    assertNotNull(sps.levelName());
                }
                case 1 -> AvcDecoderConfigurationRecord.parse(data).firstSps();
                case 2 -> {
                    HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(data);
                    assertNotNull(r.profileTierLevel().profileName());
                    HevcSps sps = r.firstSps();
                    assertTrue(sps.width() > 0 && sps.height() > 0);
                }
                default -> {
                    AudioSpecificConfig asc = AudioSpecificConfig.parse(data);
                    assertTrue(asc.sampleRate() >= 0 && asc.channels() >= 0);
                    assertNotNull(asc.profileName());
                }
            }
        } catch (MalformedMediaException expected) {
            // refused
        }
    }
}

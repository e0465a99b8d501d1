package dev.weir.engine.media;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.media.aac.AudioSpecificConfig;
import dev.weir.engine.media.avc.AvcDecoderConfigurationRecord;
import dev.weir.engine.media.avc.AvcSps;
import dev.weir.engine.media.hevc.HevcDecoderConfigurationRecord;
import dev.weir.engine.media.hevc.HevcSps;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzz targets for the codec configuration parsers publishers feed us through sequence headers. Any input may
 * be refused, but only with {@link MalformedMediaException}; what is accepted must describe a real picture.
 */
class CodecConfigFuzzTest {

    @FuzzTest
    void avcSps(byte[] nal) {
        try {
            AvcSps sps = AvcSps.parse(nal);
            assertTrue(sps.width() > 0 && sps.height() > 0);
            assertTrue(sps.frameRate() >= 0);
            assertNotNull(sps.profileName());
            assertNotNull(sps.levelName());
        } catch (MalformedMediaException expected) {
            // refused
        }
    }

    @FuzzTest
    void avcDecoderConfigurationRecord(byte[] record) {
        try {
            AvcDecoderConfigurationRecord.parse(record).firstSps();
        } catch (MalformedMediaException expected) {
            // refused
        }
    }

    @FuzzTest
    void hevcDecoderConfigurationRecord(byte[] record) {
        try {
            HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(record);
            assertNotNull(r.profileTierLevel().profileName());
            HevcSps sps = r.firstSps();
            assertTrue(sps.width() > 0 && sps.height() > 0);
        } catch (MalformedMediaException expected) {
            // refused
        }
    }

    @FuzzTest
    void audioSpecificConfig(byte[] config) {
        try {
            AudioSpecificConfig asc = AudioSpecificConfig.parse(config);
            assertTrue(asc.sampleRate() >= 0 && asc.channels() >= 0);
            assertNotNull(asc.profileName());
        } catch (MalformedMediaException expected) {
            // refused
        }
    }
}

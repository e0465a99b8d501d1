package dev.weir.engine.auth;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Stream names and SRT stream ids come straight from peers. */
class StreamNameFuzzTest {

    @FuzzTest
    void srtStreamIdParsesOrRefusesWithAReason(FuzzedDataProvider data) {
        String id = data.consumeRemainingAsString();
        try {
            SrtStreamId parsed = SrtStreamId.parse(id);
            assertNotNull(parsed.mode());
            assertFalse(parsed.resource().isEmpty());
            assertFalse(parsed.resource().contains("?"));
        } catch (SrtStreamId.InvalidStreamIdException e) {
            assertNotNull(e.reason());
        }
    }

    @FuzzTest
    void rtmpStreamNameAlwaysParses(FuzzedDataProvider data) {
        String app = data.consumeString(64);
        String name = data.consumeRemainingAsString();
        RtmpStreamName n = RtmpStreamName.parse(app, name);
        assertFalse(n.streamKey().contains("?"));
    }
}

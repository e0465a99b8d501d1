package dev.weir.engine.rtmp.amf;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Arbitrary bytes through the AMF0 decoder: only {@link AmfException} may come out. */
class Amf0DecoderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decodesArbitraryAmf0(byte[] input) {
        try {
            new Amf0Decoder(input).readAll();
        } catch (AmfException expected) {
            // malformed input: the designed outcome
        }
    }
}

package dev.weir.engine.rtmp.amf;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Arbitrary bytes through the AMF3 decoder: only {@link AmfException} may come out. */
class Amf3DecoderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decodesArbitraryAmf3(byte[] input) {
        Amf3Decoder decoder = new Amf3Decoder(input);
        try {
            while (decoder.hasRemaining()) {
                decoder.read();
            }
        } catch (AmfException expected) {
            // malformed input: the designed outcome
        }
    }
}

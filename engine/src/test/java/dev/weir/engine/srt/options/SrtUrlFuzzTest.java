package dev.weir.engine.srt.options;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzz target for srt:// URL parsing: anything may be refused, but only with {@link SrtOptionException}. */
class SrtUrlFuzzTest {

    @FuzzTest
    void anyUrl(String url) {
        try {
            SrtUrl parsed = SrtUrl.parse("srt://" + url);
            parsed.options().toString();
        } catch (SrtOptionException refused) {
            // a clear refusal is the expected outcome for most inputs
        }
    }
}

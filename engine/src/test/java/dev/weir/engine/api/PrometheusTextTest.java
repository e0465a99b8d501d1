package dev.weir.engine.api;

import dev.weir.engine.api.PrometheusText.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {

    @Test
    void writesTheFormatExactly() {
        // Expected text written by hand from the exposition format description.
        String text = new PrometheusText()
                .family("weir_x_total", Type.COUNTER, "Things, with a back\\slash and\na newline.")
                .sample(3L, "stream", "live/\"a\"\\b\nc", "protocol", "rtmp")
                .sample(9007199254740993L)
                .family("weir_rate", Type.GAUGE, "A rate.")
                .sample(2.5, "protocol", null)
                .sample(Double.NaN).sample(Double.POSITIVE_INFINITY, "k", "v").sample(25.0, "k", "w")
                .toString();
        assertEquals("""
                # HELP weir_x_total Things, with a back\\\\slash and\\na newline.
                # TYPE weir_x_total counter
                weir_x_total{stream="live/\\"a\\"\\\\b\\nc",protocol="rtmp"} 3
                weir_x_total 9007199254740993
                # HELP weir_rate A rate.
                # TYPE weir_rate gauge
                weir_rate{protocol=""} 2.5
                weir_rate NaN
                weir_rate{k="v"} +Inf
                weir_rate{k="w"} 25
                """, text);
        assertEquals(List.of(), PrometheusTextValidator.problems(text));
        assertEquals("live/\"a\"\\b\nc", PrometheusTextValidator.samples(text).get(0).labels().get("stream"));
    }

    @Test
    void refusesWhatTheFormatForbids() {
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("weir_x", Type.COUNTER, "h"));
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("weir-x", Type.GAUGE, "h"));
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("a", Type.GAUGE, "h").family("a", Type.GAUGE, "h"));
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("a", Type.GAUGE, "h").sample(1L, "__name", "x"));
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("a", Type.GAUGE, "h").sample(1L, "odd"));
        assertThrows(IllegalStateException.class, () -> new PrometheusText().sample(1L));
    }

    @Test
    void theValidatorCatchesBrokenText() {
        assertFalse(PrometheusTextValidator.problems("weir_a 1\n").isEmpty(), "sample without HELP/TYPE");
        assertFalse(PrometheusTextValidator.problems("# HELP a h\n# TYPE a counter\na 1\n").isEmpty(), "counter without _total");
        assertFalse(PrometheusTextValidator.problems("# HELP a h\n# TYPE a gauge\na{x=\"\\q\"} 1\n").isEmpty(), "bad escape");
        assertFalse(PrometheusTextValidator.problems("# HELP a h\n# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n").isEmpty(), "duplicate");
        assertFalse(PrometheusTextValidator.problems("# HELP a h\n# TYPE a gauge\na one\n").isEmpty(), "bad value");
        assertFalse(PrometheusTextValidator.problems("# HELP a h\n# TYPE a gauge\n# HELP b h\n# TYPE b gauge\na 1\n").isEmpty(), "interleaved");
        assertFalse(PrometheusTextValidator.problems("# HELP a h\n# TYPE a gauge\na{x=\"a\nb\"} 1\n").isEmpty(), "raw newline");
        assertTrue(PrometheusTextValidator.problems("# HELP a h\n# TYPE a gauge\na{x=\"a\\nb\"} -1.5e3\n").isEmpty());
    }
}

package dev.weir.ui.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationFormatTest {

    @ParameterizedTest(name = "{0} ms reads {1}")
    @CsvSource(delimiter = '|', value = {
            "0        | 0:00",
            "999      | 0:00",
            "7000     | 0:07",
            "754000   | 12:34",
            "3599999  | 59:59",
            "3600000  | 1:00:00",
            "3723000  | 1:02:03",
            "97200000 | 27:00:00",
    })
    void formatsAsClock(long millis, String expected) {
        assertEquals(expected, DurationFormat.format(Duration.ofMillis(millis)));
    }

    @Test
    void missingOrNegativeDurationIsShownAsUnknown() {
        assertEquals("–", DurationFormat.format(null));
        assertEquals("–", DurationFormat.format(Duration.ofSeconds(-3)));
    }
}

package dev.weir.ui.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BitrateFormatTest {

    @ParameterizedTest(name = "{0} b/s reads {1}")
    @CsvSource(delimiter = '|', value = {
            "0          | 0 b/s",
            "999        | 999 b/s",
            "1000       | 1.00 kb/s",
            "96000      | 96.0 kb/s",
            "128000     | 128 kb/s",
            "999499     | 999 kb/s",
            "999600     | 1.00 Mb/s",
            "4210000    | 4.21 Mb/s",
            "4214999    | 4.21 Mb/s",
            "12500000   | 12.5 Mb/s",
            "9995000    | 10.0 Mb/s",
            "250000000  | 250 Mb/s",
            "1000000000 | 1.00 Gb/s",
    })
    void formatsWithThreeSignificantDigits(long bps, String expected) {
        assertEquals(expected, BitrateFormat.format(bps));
    }

    @Test
    void negativeRateIsShownAsUnknown() {
        assertEquals("–", BitrateFormat.format(-1));
    }

    @Test
    void hugeRatesStayInTheLargestUnit() {
        assertEquals("9223372 Tb/s", BitrateFormat.format(Long.MAX_VALUE));
    }
}

package dev.weir.ui.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteCountFormatTest {

    @ParameterizedTest(name = "{0} bytes read {1}")
    @CsvSource(delimiter = '|', value = {
            "-1                  | –",
            "0                   | 0 B",
            "512                 | 512 B",
            "1234                | 1.23 kB",
            "4560000             | 4.56 MB",
            "1200000000          | 1.20 GB",
            "9223372036854775807 | 9.22 EB",
    })
    void formatsWithDecimalUnits(long bytes, String expected) {
        assertEquals(expected, ByteCountFormat.format(bytes));
    }
}

package dev.weir.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransmitFlagsTest {

    private static String fail(String... args) {
        return assertThrows(UsageException.class, () -> TransmitCommand.build(
                new FlagParser("weir transmit", TransmitCommand.FLAGS).parse(List.of(args)), System.err)).getMessage();
    }

    @Test
    void needsBothEnds() {
        assertTrue(fail("-from", "udp://:6000").startsWith("both -from and -to are needed"));
    }

    @Test
    void badEndpointsNameTheFlag() {
        assertTrue(fail("-from", "http://x:1", "-to", "-").startsWith("-from: "), fail("-from", "http://x:1", "-to", "-"));
        String unknownOption = fail("-from", "udp://127.0.0.1:6000", "-to", "srt://127.0.0.1:6001?mode=caller&latencyy=20");
        assertTrue(unknownOption.startsWith("-to: ") && unknownOption.contains("latencyy"), unknownOption);
        String shortPass = fail("-from", "udp://127.0.0.1:6000", "-to", "srt://127.0.0.1:6001?passphrase=short");
        assertTrue(shortPass.contains("passphrase"), shortPass);
        assertTrue(!shortPass.contains("short"), "the passphrase itself must not be echoed: " + shortPass);
    }

    @Test
    void statsFlagsAreChecked() {
        assertEquals("-statspf: 'xml' is not json or csv",
                fail("-from", "udp://127.0.0.1:6000", "-to", "-", "-statspf", "xml"));
        assertEquals("-stats: 'often' is not a number of milliseconds",
                fail("-from", "udp://127.0.0.1:6000", "-to", "-", "-stats", "often"));
    }

    @Test
    void usageErrorExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"transmit", "-from", "-"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("weir transmit: both -from and -to"));
    }
}

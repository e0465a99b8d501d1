package dev.weir.ui.engine;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.*;

class RemoteAddressTest {

    @Test
    void takesWhatAnOperatorTypes() {
        assertEquals(new RemoteAddress(URI.create("http://10.0.0.5:8080"), "10.0.0.5:8080"), RemoteAddress.parse("10.0.0.5:8080"));
        assertEquals(new RemoteAddress(URI.create("http://10.0.0.5:8080"), "10.0.0.5:8080"), RemoteAddress.parse(" http://10.0.0.5:8080/ "));
        assertEquals(new RemoteAddress(URI.create("https://ingest1.example.com:8443"), "ingest1.example.com:8443"),
                RemoteAddress.parse("HTTPS://ingest1.example.com:8443"));
        assertEquals(new RemoteAddress(URI.create("http://[::1]:8080"), "[::1]:8080"), RemoteAddress.parse("[::1]:8080"));
    }

    @Test
    void refusesWithASentenceThatSaysWhatToWrite() {
        assertMessage("", "-metrics-addr");
        assertMessage("10.0.0.5", "has no port");
        assertMessage("http://10.0.0.5", "has no port");
        assertMessage("rtmp://10.0.0.5:1935", "not rtmp://");
        assertMessage("http://10.0.0.5:8080/api/v1/snapshot", "without a path");
        assertMessage("http://10.0.0.5:8080?x=1", "without a path");
        assertMessage("http://:8080", "names no host");
        assertMessage("http://10.0.0.5:0", "port 0");
        assertMessage("http://a b:80", "not an address");
        assertMessage("http://user:pw@10.0.0.5:8080", "no login");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemoteAddress.parse(text), text);
        assertTrue(e.getMessage().contains(expected), text + " → " + e.getMessage());
    }
}

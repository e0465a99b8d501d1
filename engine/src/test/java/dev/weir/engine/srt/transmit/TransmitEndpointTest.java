package dev.weir.engine.srt.transmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.options.SrtMode;
import dev.weir.engine.srt.options.SrtOptionException;
import org.junit.jupiter.api.Test;

class TransmitEndpointTest {

    @Test
    void parsesTheThreeKinds() {
        assertInstanceOf(TransmitEndpoint.Stdio.class, TransmitEndpoint.parse("-"));
        assertEquals(new TransmitEndpoint.Udp("", 6000), TransmitEndpoint.parse("udp://:6000"));
        assertEquals(new TransmitEndpoint.Udp("127.0.0.1", 6000), TransmitEndpoint.parse("udp://127.0.0.1:6000/"));
        assertEquals(new TransmitEndpoint.Udp("::1", 6000), TransmitEndpoint.parse("udp://[::1]:6000"));
        TransmitEndpoint.Srt srt = (TransmitEndpoint.Srt) TransmitEndpoint.parse(
                "srt://127.0.0.1:6001/?mode=listener&streamid=foobar");
        assertEquals(SrtMode.LISTENER, srt.url().mode());
        assertEquals("foobar", srt.url().options().streamId());
    }

    @Test
    void refusesWhatItCannotDo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TransmitEndpoint.parse("file:///x.ts"))
                .getMessage().contains("use -, udp://host:port or srt://host:port?options"));
        assertThrows(IllegalArgumentException.class, () -> TransmitEndpoint.parse("udp://host"));
        assertThrows(IllegalArgumentException.class, () -> TransmitEndpoint.parse("udp://:99999"));
        assertThrows(SrtOptionException.class, () -> TransmitEndpoint.parse("srt://:6000?mode=rendezvous"));
    }
}

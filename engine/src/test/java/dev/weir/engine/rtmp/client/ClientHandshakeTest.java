package dev.weir.engine.rtmp.client;

import dev.weir.engine.rtmp.handshake.HandshakeException;
import dev.weir.engine.rtmp.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static dev.weir.engine.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientHandshakeTest {

    @Test
    void c0c1IsVersion3TimeZeroAndRandomBytes() {
        byte[] c0c1 = ClientHandshake.c0c1(0x01020304, new Random(7));
        assertEquals(1537, c0c1.length);
        assertArrayEquals(bytes("""
                03            // C0: RTMP version 3
                01 02 03 04   // C1 time
                00 00 00 00   // C1 zero: the simple handshake (no digest)
                """), Arrays.copyOf(c0c1, 9));
        assertTrue(Arrays.stream(new int[] {9, 100, 1536}).anyMatch(i -> c0c1[i] != 0), "random part is filled");
    }

    @Test
    void c2EchoesS1() throws Exception {
        byte[] s0s1s2 = new byte[3073];
        s0s1s2[0] = 3;
        for (int i = 1; i <= 1536; i++) s0s1s2[i] = (byte) i;
        byte[] c2 = ClientHandshake.c2(s0s1s2);
        assertArrayEquals(Arrays.copyOfRange(s0s1s2, 1, 1537), c2);
    }

    @Test
    void weirsOwnServerAcceptsTheClientsC0C1() throws Exception {
        byte[] c0c1 = ClientHandshake.c0c1(1000, new Random(1));
        ServerHandshake.Response r = ServerHandshake.respond(c0c1, 5, new Random(2));
        byte[] c2 = ClientHandshake.c2(r.s0s1s2());
        assertEquals(1536, c2.length);
        assertArrayEquals(Arrays.copyOfRange(c0c1, 1, 1537), Arrays.copyOfRange(r.s0s1s2(), 1537, 3073),
                "the server's S2 echoes our C1 (simple handshake)");
    }

    @Test
    void aServerThatIsNotRtmpIsNamed() {
        byte[] http = new byte[3073];
        http[0] = 'H';
        assertTrue(assertThrows(HandshakeException.class, () -> ClientHandshake.c2(http)).getMessage().contains("HTTP"));
        byte[] tls = new byte[3073];
        tls[0] = 0x16;
        assertTrue(assertThrows(HandshakeException.class, () -> ClientHandshake.c2(tls)).getMessage().contains("rtmps://"));
        assertThrows(HandshakeException.class, () -> ClientHandshake.c2(new byte[100]));
    }
}

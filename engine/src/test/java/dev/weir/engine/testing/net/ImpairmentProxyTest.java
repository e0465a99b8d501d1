package dev.weir.engine.testing.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The proxy over real loopback sockets: relays both ways and drops exactly what its model decided. */
class ImpairmentProxyTest {

    @Test
    void relaysBothWaysAndDropsScriptedPackets() throws Exception {
        try (DatagramChannel server = DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramChannel client = DatagramChannel.open()
                     .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             ImpairmentProxy proxy = new ImpairmentProxy((InetSocketAddress) server.getLocalAddress(),
                     Impairment.NONE.withDropped(Set.of(1L, 3L)), Impairment.NONE.withDelay(5, 0), 1)) {
            for (int k = 0; k < 6; k++) {
                client.send(ByteBuffer.wrap(new byte[] {(byte) k}), proxy.address());
            }
            Set<Integer> got = new HashSet<>();
            ByteBuffer buf = ByteBuffer.allocate(16);
            SocketAddress proxySide = null;
            for (int k = 0; k < 4; k++) {
                buf.clear();
                proxySide = server.receive(buf);
                got.add((int) buf.get(0));
            }
            assertEquals(Set.of(0, 2, 4, 5), got);
            server.send(ByteBuffer.wrap(new byte[] {9, 8}), proxySide);
            buf.clear();
            client.receive(buf);
            buf.flip();
            byte[] back = new byte[buf.remaining()];
            buf.get(back);
            assertArrayEquals(new byte[] {9, 8}, back);
            assertEquals(2, proxy.towardsUpstream().dropped());
            assertEquals(4, proxy.towardsUpstream().forwarded());
            waitFor(() -> proxy.towardsClient().forwarded() == 1);
            assertTrue(proxy.towardsClient().delayed() == 1);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int k = 0; k < 200 && !condition.getAsBoolean(); k++) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean());
    }
}

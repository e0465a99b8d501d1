package dev.weir.engine.srt.transmit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The UDP source of {@code weir transmit} on a real loopback socket: one message per datagram, in order, exact. */
class UdpEndsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static int freePort() throws Exception {
        try (DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            return ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
    }

    private static byte[] datagram(int index, int size) {
        byte[] b = new byte[size];
        for (int k = 0; k < size; k++) {
            b[k] = (byte) (index * 31 + k);
        }
        return b;
    }

    @Test
    void aBurstLargerThanOneBatchComesOutOneMessagePerDatagramInOrderWithItsExactBytes() throws Exception {
        int port = freePort();
        MessageSource source = UdpEnds.source(new InetSocketAddress(LOOPBACK, port));
        try (source; DatagramChannel out = DatagramChannel.open()) {
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                // mostly TS-sized, with a 1-byte, an empty and a maximum-size datagram among them
                int size = i == 10 ? 1 : i == 70 ? 0 : i == 100 ? 65_507 : 1316;
                sent.add(datagram(i, size));
            }
            for (byte[] d : sent) {
                out.send(ByteBuffer.wrap(d), new InetSocketAddress(LOOPBACK, port));
            }
            byte[] buffer = new byte[65_536];
            for (int i = 0; i < sent.size(); i++) {
                int n = source.read(buffer);
                assertEquals(sent.get(i).length, n, "length of datagram " + i);
                assertArrayEquals(sent.get(i), Arrays.copyOf(buffer, n), "bytes of datagram " + i);
            }
        }
    }

    @Test
    void aDatagramLargerThanTheReadersBufferIsCutToIt() throws Exception {
        int port = freePort();
        MessageSource source = UdpEnds.source(new InetSocketAddress(LOOPBACK, port));
        try (source; DatagramChannel out = DatagramChannel.open()) {
            out.send(ByteBuffer.wrap(datagram(1, 2000)), new InetSocketAddress(LOOPBACK, port));
            out.send(ByteBuffer.wrap(datagram(2, 10)), new InetSocketAddress(LOOPBACK, port));
            byte[] small = new byte[1316];
            assertEquals(1316, source.read(small));
            assertArrayEquals(Arrays.copyOf(datagram(1, 2000), 1316), small);
            assertEquals(10, source.read(small));
            assertArrayEquals(datagram(2, 10), Arrays.copyOf(small, 10));
        }
    }

    @Test
    void closingTheSourceEndsAWaitingReadWithEndOfInput() throws Exception {
        MessageSource source = UdpEnds.source(new InetSocketAddress(LOOPBACK, freePort()));
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return source.read(new byte[1316]);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(300); // past the polling phase: the read blocks in receive
        source.close();
        assertEquals(-1, read.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theSinkDropsDatagramsWhileNobodyListensAndDeliversOnceAPlayerBinds() throws Exception {
        int port = freePort();
        try (MessageSink sink = UdpEnds.sink(new InetSocketAddress(LOOPBACK, port))) {
            assertTrue(sink.writesWithoutWaiting(), "UDP may be written from an SRT connection's thread");
            // the first write brings back an ICMP port unreachable, which the connected socket reports on the next
            for (int i = 0; i < 5; i++) {
                sink.write(datagram(i, 1316), 1316);
                Thread.sleep(10);
            }
            try (DatagramChannel player = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, port))) {
                player.configureBlocking(false);
                ByteBuffer got = ByteBuffer.allocate(2000);
                // a report still pending costs at most the next datagram; the ones after it arrive
                for (int i = 0; i < 50 && got.position() == 0; i++) {
                    sink.write(datagram(7, 1316), 1316);
                    Thread.sleep(10);
                    player.receive(got);
                }
                assertArrayEquals(datagram(7, 1316), Arrays.copyOf(got.array(), got.position()));
            }
        }
    }
}

package dev.weir.engine.srt.transmit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code -} ends: stdin is cut into 1316-byte messages; what arrives goes to stdout unchanged. */
class TransmitStdioTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void stdinIsSentAsMessagesOfSevenTsPackets() throws Exception {
        byte[] input = new byte[1316 * 3 + 188];
        for (int k = 0; k < input.length; k++) {
            input[k] = (byte) k;
        }
        try (DatagramChannel out = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            int port = ((InetSocketAddress) out.getLocalAddress()).getPort();
            Transmit transmit = new Transmit(Transmit.endpoint("-"), Transmit.endpoint("udp://127.0.0.1:" + port),
                    TransmitSettings.quiet(), new ByteArrayInputStream(input), System.out);
            transmit.run(); // returns at end of input
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(2048);
            int[] sizes = new int[4];
            for (int k = 0; k < 4; k++) {
                buf.clear();
                out.receive(buf);
                sizes[k] = buf.position();
                received.write(buf.array(), 0, buf.position());
            }
            assertArrayEquals(new int[] {1316, 1316, 1316, 188}, sizes);
            assertArrayEquals(input, received.toByteArray());
        }
    }

    @Test
    void udpToStdoutWritesEachDatagram() throws Exception {
        int port;
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Transmit transmit = new Transmit(Transmit.endpoint("udp://127.0.0.1:" + port), Transmit.endpoint("-"),
                TransmitSettings.quiet(), new ByteArrayInputStream(new byte[0]), new PrintStream(stdout, true));
        Thread runner = Thread.ofPlatform().name("transmit-under-test").start(() -> {
            try {
                transmit.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try (DatagramChannel feed = DatagramChannel.open()) {
            byte[] message = new byte[100];
            Arrays.fill(message, (byte) 7);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (stdout.size() < 300 && System.nanoTime() < deadline) {
                feed.send(ByteBuffer.wrap(message), new InetSocketAddress(LOOPBACK, port));
                Thread.sleep(20);
            }
        } finally {
            transmit.close();
            runner.join(5000);
        }
        byte[] written = stdout.toByteArray();
        assertTrue(written.length >= 300, "got " + written.length + " bytes");
        assertEquals(0, written.length % 100, "whole datagrams only");
        for (byte b : written) {
            assertEquals(7, b);
        }
    }
}

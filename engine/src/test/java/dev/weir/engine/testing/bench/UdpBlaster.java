package dev.weir.engine.testing.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced UDP source for bench/srt-vs-libsrt.sh: 1316-byte payloads carrying a 32-bit number (negative during the
 * warm-up, then 0, 1, 2...) at a fixed bit rate. The rest of each payload is a fixed pattern, so the source costs
 * little CPU on the shared machine. Prints {@code sent=N} (numbered payloads) when done.
 *
 * <pre>java ... UdpBlaster HOST:PORT MBPS WARMUP_SECONDS SECONDS</pre>
 */
public final class UdpBlaster {

    static final int PAYLOAD = 1316;

    private UdpBlaster() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: UdpBlaster HOST:PORT MBPS WARMUP_SECONDS SECONDS");
            System.exit(2);
        }
        String[] hostPort = args[0].split(":");
        InetSocketAddress target = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        double mbps = Double.parseDouble(args[1]);
        double warmUp = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        long periodNanos = (long) (PAYLOAD * 8 * 1000 / mbps);   // payload bits / (Mbit/s) in ns
        ByteBuffer packet = ByteBuffer.allocateDirect(PAYLOAD);
        for (int i = 4; i < PAYLOAD; i++) {
            packet.put(i, (byte) (i * 7));
        }
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
            long start = System.nanoTime();
            long warmUpPackets = (long) (warmUp * 1e9 / periodNanos);
            long numbered = (long) (seconds * 1e9 / periodNanos);
            for (long i = 0; i < warmUpPackets + numbered; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 20_000) {
                    LockSupport.parkNanos(wait);
                }
                int number = (int) (i < warmUpPackets ? -1 - i : i - warmUpPackets);
                packet.putInt(0, number);
                packet.clear();
                channel.send(packet, target);
            }
            System.out.println("sent=" + numbered);
        }
    }
}

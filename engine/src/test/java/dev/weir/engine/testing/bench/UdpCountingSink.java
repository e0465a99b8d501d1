package dev.weir.engine.testing.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;

/**
 * The end of the chain in bench/srt-vs-libsrt.sh: receives {@link UdpBlaster}'s numbered payloads, counts distinct
 * numbers (warm-up payloads, negative, only open the path) and prints
 * {@code received=R duplicates=D highest=H} once nothing arrived for IDLE_SECONDS after the first numbered payload
 * (or when DEADLINE_SECONDS pass). Missing payloads are the blaster's {@code sent} minus {@code received}.
 *
 * <pre>java ... UdpCountingSink PORT IDLE_SECONDS DEADLINE_SECONDS</pre>
 */
public final class UdpCountingSink {

    private UdpCountingSink() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: UdpCountingSink PORT IDLE_SECONDS DEADLINE_SECONDS");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long idleMillis = (long) (Double.parseDouble(args[1]) * 1000);
        long deadline = System.currentTimeMillis() + (long) (Double.parseDouble(args[2]) * 1000);
        BitSet seen = new BitSet();
        long duplicates = 0;
        int highest = -1;
        boolean started = false;
        byte[] buffer = new byte[65_536];
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
            channel.bind(new InetSocketAddress("127.0.0.1", port));
            java.net.DatagramSocket socket = channel.socket();
            java.net.DatagramPacket datagram = new java.net.DatagramPacket(buffer, buffer.length);
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout((int) (started ? idleMillis : Math.max(1, deadline - System.currentTimeMillis())));
                try {
                    socket.receive(datagram);
                } catch (SocketTimeoutException e) {
                    if (started) {
                        break;
                    }
                    continue;
                }
                if (datagram.getLength() < 4) {
                    continue;
                }
                int number = ByteBuffer.wrap(buffer).getInt(0);
                if (number < 0) {
                    continue;
                }
                started = true;
                if (seen.get(number)) {
                    duplicates++;
                } else {
                    seen.set(number);
                }
                highest = Math.max(highest, number);
            }
        }
        System.out.println("received=" + seen.cardinality() + " duplicates=" + duplicates + " highest=" + highest);
    }
}

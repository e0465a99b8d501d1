package dev.weir.engine.srt.live;

import dev.weir.engine.srt.crypto.KeyLength;
import dev.weir.engine.srt.crypto.KeyUnwrapException;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.DataPacketHolder;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SrtPacket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * A sender connection and a receiver connection joined back to back in virtual time, with every packet going through
 * the real wire format in both directions: the sending side encodes into a reused buffer as the multiplexer does,
 * the receiving side decodes data packets into a reused {@link DataPacketHolder} and control packets into records.
 * This is the steady-state data path of two {@code SrtConnection}s without the sockets and threads. Used by
 * {@code SteadyStateAllocationTest} (allocated bytes per packet) and by the benchmarks module
 * ({@code SrtDataPathBenchmark}).
 *
 * <p>Each {@link #sendOne()} writes one 1316-byte message numbered in its first 4 bytes, advances the clock by one
 * packet interval of the given rate, carries whatever was sent and runs both connections' timers (ACK, ACKACK, TSBPD
 * delivery). No loss, no delay: nothing but the steady state.
 */
public final class SteadyStateLink {

    public static final int PAYLOAD = 1316;
    private static final Passphrase SECRET = Passphrase.of("steady state passphrase");

    private final LiveConnection sender;
    private final LiveConnection receiver;
    private final Wire toReceiver = new Wire();
    private final Wire toSender = new Wire();
    private final byte[] message = new byte[PAYLOAD];
    private final long periodMicros;
    private long now;
    private int nextNumber;
    private long delivered;
    private long outOfOrder;
    private int expected;

    /**
     * @param encrypted       AES-128 in both directions (keys as a handshake would leave them)
     * @param packetsPerSecond the live rate (about 10 000 for 100 Mbit/s of 1316-byte payloads)
     */
    public SteadyStateLink(boolean encrypted, int packetsPerSecond) {
        this.periodMicros = Math.max(1, 1_000_000L / packetsPerSecond);
        StreamKeys senderKeys = null;
        StreamKeys receiverKeys = null;
        if (encrypted) {
            StreamKeys keys = StreamKeys.generate(SECRET, KeyLength.AES_128, new SecureRandom());
            try {
                senderKeys = StreamKeys.fromKeyMaterial(SECRET, keys.keyMaterial(KeyFlags.EVEN));
                receiverKeys = StreamKeys.fromKeyMaterial(SECRET, keys.keyMaterial(KeyFlags.EVEN));
            } catch (KeyUnwrapException e) {
                throw new IllegalStateException(e);
            }
        }
        sender = connection(1, 2, senderKeys, toReceiver, packet -> { });
        receiver = connection(2, 1, receiverKeys, toSender, this::onDelivered);
    }

    private static LiveConnection connection(int local, int peer, StreamKeys keys, Wire out, Delivery delivery) {
        SrtSender.Config sc = new SrtSender.Config(1000, peer, 0, 120_000, true, 0, 25600, 8192, PAYLOAD);
        SrtReceiver.Config rc = new SrtReceiver.Config(1000, peer, 0, 0, 120_000, true, true, 0, 8192, true, PAYLOAD,
                0);
        return new LiveConnection(new LiveConnection.Config(sc, rc, 5000, keys, SECRET, 1L << 24, 1L << 12, -1, 0, 0,
                25, 1500, null), out, delivery, new SecureRandom(), 0);
    }

    private void onDelivered(DataPacketHolder packet) {
        byte[] p = packet.payload();
        int number = (p[0] & 0xFF) << 24 | (p[1] & 0xFF) << 16 | (p[2] & 0xFF) << 8 | (p[3] & 0xFF);
        if (number != expected) {
            outOfOrder++;
        }
        expected = number + 1;
        delivered++;
    }

    /** Sends one numbered message and runs everything that becomes due until the next one. */
    public void sendOne() {
        int n = nextNumber++;
        message[0] = (byte) (n >>> 24);
        message[1] = (byte) (n >>> 16);
        message[2] = (byte) (n >>> 8);
        message[3] = (byte) n;
        if (!sender.send(message, 0, PAYLOAD, now)) {
            throw new IllegalStateException("send buffer full at message " + n);
        }
        carry();
        now += periodMicros;
        if (sender.nextWakeup(now) <= now) {
            sender.tick(now);
        }
        if (receiver.nextWakeup(now) <= now) {
            receiver.tick(now);
        }
        carry();
    }

    private void carry() {
        while (!toReceiver.isEmpty() || !toSender.isEmpty()) {
            toReceiver.drainInto(receiver, now);
            toSender.drainInto(sender, now);
        }
    }

    public long delivered() {
        return delivered;
    }

    public long outOfOrder() {
        return outOfOrder;
    }

    public long sent() {
        return nextNumber;
    }

    public LiveConnection sender() {
        return sender;
    }

    public LiveConnection receiver() {
        return receiver;
    }

    /**
     * One direction of the link: encoded datagrams in a ring of reused buffers, decoded at the other end. Packets are
     * queued rather than handed over during {@code send}, so that neither connection is re-entered.
     */
    private static final class Wire implements PacketSink {
        private final ByteBuffer[] ring = new ByteBuffer[4096];
        private final DataPacketHolder holder = new DataPacketHolder(1500);
        private int head;
        private int count;

        Wire() {
            for (int i = 0; i < ring.length; i++) {
                ring[i] = ByteBuffer.allocateDirect(1500);
            }
        }

        @Override
        public void send(SrtPacket packet) {
            packet.encode(slot());
        }

        @Override
        public void sendData(DataPacketHolder packet) {
            packet.encode(slot());
        }

        private ByteBuffer slot() {
            if (count == ring.length) {
                throw new IllegalStateException("link ring overflow");
            }
            ByteBuffer b = ring[(head + count++) % ring.length];
            b.clear();
            return b;
        }

        boolean isEmpty() {
            return count == 0;
        }

        void drainInto(LiveConnection peer, long now) {
            while (count > 0) {
                ByteBuffer b = ring[head];
                head = (head + 1) % ring.length;
                count--;
                b.flip();
                try {
                    if (DataPacketHolder.isData(b)) {
                        holder.decode(b);
                        peer.onData(holder, now);
                    } else {
                        peer.onPacket(PacketCodec.decode(b), now);
                    }
                } catch (MalformedPacketException e) {
                    throw new IllegalStateException("our own packet does not decode", e);
                }
            }
        }
    }
}

package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weir.engine.srt.crypto.KeyLength;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.SrtPacket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target for everything a peer can make an established connection process: any sequence of datagrams (that
 * decode) at any times, interleaved with ticks and sends. The connection may close or break, but must never throw,
 * never deliver a sequence number twice or out of order, and never wait forever to be woken.
 */
class LiveConnectionFuzzTest {

    private static final Passphrase SECRET = Passphrase.of("fuzzing-passphrase");
    private static final StreamKeys KEYS = StreamKeys.generate(SECRET, KeyLength.AES_128, new SecureRandom());

    @FuzzTest
    void hostilePeer(FuzzedDataProvider data) {
        int isn = data.consumeBoolean() ? SeqNo.MAX - data.consumeInt(0, 100) : data.consumeInt(0, SeqNo.MAX);
        boolean encrypted = data.consumeBoolean();
        List<Integer> delivered = new ArrayList<>();
        SrtSender.Config sc = new SrtSender.Config(isn, 7, 0, 120_000, true, 0, 64, 64, 1316);
        SrtReceiver.Config rc = new SrtReceiver.Config(isn, 7, 0, 0, 120_000, true, true, data.consumeInt(0, 5), 64,
                true, 1316, 0);
        StreamKeys keys = null;
        if (encrypted) {
            try {
                keys = StreamKeys.fromKeyMaterial(SECRET, KEYS.keyMaterial(dev.weir.engine.srt.packet.KeyFlags.EVEN));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        LiveConnection c = new LiveConnection(new LiveConnection.Config(sc, rc, 5000, keys, SECRET, 40, 10, -1, 0, 0,
                25, 1500, null), p -> { }, p -> delivered.add(p.sequenceNumber()), new SecureRandom(), 0);
        long now = 0;
        while (data.remainingBytes() > 0) {
            now += data.consumeInt(0, 50_000);
            switch (data.consumeInt(0, 3)) {
                case 0 -> {
                    byte[] datagram = data.consumeBytes(data.consumeInt(16, 200));
                    try {
                        SrtPacket p = PacketCodec.decode(datagram, 0, datagram.length);
                        c.onPacket(p, now);
                    } catch (MalformedPacketException e) {
                        // refused by the codec: fine
                    }
                }
                case 1 -> {
                    if (c.isOpen()) {
                        c.send(new byte[data.consumeInt(0, 1316)], 0, 0, now);
                    }
                }
                default -> c.tick(now);
            }
            assertTrue(c.nextWakeup(now) >= now);
        }
        for (int k = 1; k < delivered.size(); k++) {
            assertTrue(SeqNo.after(delivered.get(k), delivered.get(k - 1)),
                    "delivered " + delivered.get(k) + " after " + delivered.get(k - 1));
        }
    }
}

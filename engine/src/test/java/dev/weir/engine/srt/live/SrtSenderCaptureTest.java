package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.stats.SrtCounters;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sending side against the same captures as {@link SrtReceiverCaptureTest}: our sender is given the
 * application's packets when srt-live-transmit's sender first sent them, and libsrt's receiver's ACKs and NAKs at
 * the captured times; it must retransmit exactly what libsrt's sender retransmitted, in the same order.
 *
 * <p>Plus one thing of Weir's own: in {@code range.txt} the relay dropped the last three originals and nothing came
 * after them, so libsrt's receiver never NAKed them and libsrt's sender never sent them again (they were lost).
 * Weir's sender then sends tail probes (its last packet again, see {@link SrtSender}); those must come after all
 * of libsrt's retransmissions and be copies of the last packet only.
 */
class SrtSenderCaptureTest {

    private record Line(long micros, String direction, SrtPacket packet, boolean dropped, int droppedSeq) {
    }

    private static List<Line> read(String name) throws Exception {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = SrtSenderCaptureTest.class.getResourceAsStream("/golden/srt/" + name)) {
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = text.trim().split(" ");
                if (f.length < 3) {
                    continue;
                }
                long micros = Math.round(Double.parseDouble(f[0]) * 1_000_000);
                byte[] bytes = HexFormat.of().parseHex(f[2]);
                if (f[1].equals("DROP")) {
                    // only the 16-byte header was logged: the first transmission of this sequence number
                    lines.add(new Line(micros, "C>L", null, true, java.nio.ByteBuffer.wrap(bytes).getInt()));
                } else {
                    lines.add(new Line(micros, f[1], PacketCodec.decode(bytes, 0, bytes.length), false, -1));
                }
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossy.txt", "range.txt"})
    void weRetransmitWhatLibsrtRetransmitted(String capture) throws Exception {
        List<Line> lines = read(capture);
        HandshakePacket conclusion = lines.stream()
                .filter(l -> l.packet() instanceof HandshakePacket h && l.direction().equals("C>L")
                        && h.handshakeType() == -1)
                .map(l -> (HandshakePacket) l.packet()).findFirst().orElseThrow();
        List<SrtPacket> ours = new ArrayList<>();
        SrtSender sender = new SrtSender(new SrtSender.Config(conclusion.initialSequenceNumber(), 1, 0, 200_000, true,
                0, 8192, 8192, 1316), new SrtCounters(), ours::add,
                new LiveCongestionControl(-1, 0, 0, 25, 1316, new InputRateEstimator()), new InputRateEstimator());
        List<Integer> theirRetransmissions = new ArrayList<>();
        int lastOriginal = -1;
        for (Line line : lines) {
            long now = line.micros();
            if (line.dropped() || line.packet() instanceof DataPacket d && !d.retransmitted()) {
                // libsrt's sender sent an original here: the application handed us the same packet now.
                sender.submit(new byte[1316], KeyFlags.NONE, now);
                lastOriginal = line.dropped() ? line.droppedSeq() : ((DataPacket) line.packet()).sequenceNumber();
            } else if (line.packet() instanceof DataPacket d) {
                theirRetransmissions.add(d.sequenceNumber());
            } else if (line.direction().equals("L>C") && line.packet() instanceof AckPacket a) {
                sender.onAck(a, now);
            } else if (line.direction().equals("L>C") && line.packet() instanceof NakPacket n) {
                sender.onNak(n, now);
            }
            sender.tick(now + 1000);
        }
        List<Integer> ourRetransmissions = ours.stream()
                .filter(p -> p instanceof DataPacket d && d.retransmitted())
                .map(p -> ((DataPacket) p).sequenceNumber()).toList();
        assertFalse(theirRetransmissions.isEmpty());
        assertEquals(theirRetransmissions, ourRetransmissions.subList(0, theirRetransmissions.size()));
        List<Integer> probes = ourRetransmissions.subList(theirRetransmissions.size(), ourRetransmissions.size());
        boolean tailLost = lines.get(lines.size() - 1 - lines.reversed().stream()
                .takeWhile(l -> !(l.dropped() || l.packet() instanceof DataPacket)).toList().size()).dropped();
        if (tailLost) {
            assertFalse(probes.isEmpty(), "the lost tail is probed");
        }
        int last = lastOriginal;
        assertEquals(List.of(), probes.stream().filter(seq -> seq != last).toList(), "probes repeat the last packet");
    }
}

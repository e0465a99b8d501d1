package dev.weir.engine.srt.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.NakPacket;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SeqRange;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.stats.SrtCounters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays what srt-live-transmit 1.5.1's caller sent (the srt helper's captures in {@code golden/srt/}, where a
 * relay dropped chosen data packets) into our receiver at the captured times, and compares what we answer with
 * what libsrt's receiver answered in the same capture: the same loss reports (single losses and ranges) and every acknowledgement libsrt made, in the same order.
 */
class SrtReceiverCaptureTest {

    private record Line(long micros, String direction, SrtPacket packet) {
    }

    private static List<Line> read(String name) throws Exception {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = SrtReceiverCaptureTest.class.getResourceAsStream("/golden/srt/" + name)) {
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = text.trim().split(" ");
                if (f.length < 3 || f[1].equals("DROP")) {
                    continue; // DROP lines hold only the header of a datagram the relay did not forward
                }
                byte[] bytes = HexFormat.of().parseHex(f[2]);
                lines.add(new Line(Math.round(Double.parseDouble(f[0]) * 1_000_000), f[1],
                        PacketCodec.decode(bytes, 0, bytes.length)));
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossy.txt", "range.txt"})
    void ourLossReportsAndAcksMatchLibsrts(String capture) throws Exception {
        List<Line> lines = read(capture);
        HandshakePacket conclusion = lines.stream()
                .filter(l -> l.direction().equals("C>L") && l.packet() instanceof HandshakePacket h
                        && h.handshakeType() == -1)
                .map(l -> (HandshakePacket) l.packet()).findFirst().orElseThrow();
        List<SrtPacket> ours = new ArrayList<>();
        SrtReceiver receiver = new SrtReceiver(new SrtReceiver.Config(conclusion.initialSequenceNumber(),
                conclusion.socketId(), 0, 0, 200_000, true, true, 0, 8192, true, 1316, 0), new SrtCounters(),
                ours::add, p -> { });

        long first = lines.get(0).micros();
        long last = lines.get(lines.size() - 1).micros();
        int next = 0;
        for (long now = first; now <= last; now += 1000) {
            while (next < lines.size() && lines.get(next).micros() <= now) {
                Line line = lines.get(next++);
                if (!line.direction().equals("C>L")) {
                    continue;
                }
                if (line.packet() instanceof DataPacket d) {
                    receiver.onData(d, line.micros());
                } else if (line.packet() instanceof AckAckPacket a) {
                    // Our ACK numbers differ from libsrt's; an ACKACK of theirs is one of ours in the same order.
                    receiver.onAckAck(new AckAckPacket(lastAckNumber(ours), a.timestamp(), 0), line.micros());
                }
            }
            receiver.tick(now);
        }

        assertEquals(losses(lines.stream().filter(l -> l.direction().equals("L>C")).map(Line::packet).toList()),
                losses(ours), "NAKed sequence numbers");
        List<Integer> theirAcks = acked(lines.stream().filter(l -> l.direction().equals("L>C")).map(Line::packet)
                .toList());
        List<Integer> ourAcks = acked(ours);
        assertFalse(theirAcks.isEmpty());
        // libsrt checks its ACK timer only every 10 ms of its receive loop; ours runs at each tick, so we may send
        // an extra ACK between two of theirs (e.g. between two retransmissions 0.07 ms apart) but never skip or
        // contradict one of theirs: their ACKs are a subsequence of ours.
        int k = 0;
        for (int ack : ourAcks) {
            if (k < theirAcks.size() && ack == theirAcks.get(k)) {
                k++;
            }
        }
        assertEquals(theirAcks.size(), k, "libsrt's ACKs " + theirAcks + " in order within ours " + ourAcks);
        for (int i = 1; i < ourAcks.size(); i++) {
            assertTrue(dev.weir.engine.srt.packet.SeqNo.after(ourAcks.get(i), ourAcks.get(i - 1)), "ACKs advance");
        }
    }

    private static int lastAckNumber(List<SrtPacket> ours) {
        for (int k = ours.size() - 1; k >= 0; k--) {
            if (ours.get(k) instanceof AckPacket a && a.ackNumber() != 0) {
                return a.ackNumber();
            }
        }
        return -1;
    }

    /** The distinct loss ranges reported, in first-report order (periodic repeats collapsed). */
    private static List<SeqRange> losses(List<SrtPacket> packets) {
        List<SeqRange> out = new ArrayList<>();
        for (SrtPacket p : packets) {
            if (p instanceof NakPacket n) {
                for (SeqRange r : n.losses()) {
                    if (!out.contains(r)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Distinct acknowledged sequence numbers of full ACKs, in order. */
    private static List<Integer> acked(List<SrtPacket> packets) {
        List<Integer> out = new ArrayList<>();
        for (SrtPacket p : packets) {
            if (p instanceof AckPacket a && a.kind() != AckPacket.Kind.LIGHT
                    && (out.isEmpty() || out.get(out.size() - 1) != a.lastAcknowledged())) {
                out.add(a.lastAcknowledged());
            }
        }
        return out;
    }
}

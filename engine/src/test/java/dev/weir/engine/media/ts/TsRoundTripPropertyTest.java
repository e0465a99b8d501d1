package dev.weir.engine.media.ts;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded random streams through {@link TsMuxer} and back through {@link TsDemuxer}: every access unit comes
 * back with its bytes and its 64-bit timestamps, whatever its size (0 bytes to several packets, sizes that make
 * 1-byte and 2-byte stuffing), wherever the clock starts (including just before the 2^33 wrap).
 */
class TsRoundTripPropertyTest {

    record Sent(int pid, long pts, long dts, byte[] data) {
    }

    @Test
    void everyUnitComesBackIntact() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TsMuxer muxer = new TsMuxer((buf, off) -> out.write(buf, off, TsPacket.SIZE));
            int videoType = random.nextBoolean() ? ProgramMap.TYPE_H264 : ProgramMap.TYPE_H265;
            TsMuxer.Track video = TsMuxer.Track.video(videoType);
            TsMuxer.Track audio = TsMuxer.Track.audio(ProgramMap.TYPE_AAC_ADTS);
            muxer.setTracks(video, audio);
            long start = random.nextBoolean() ? random.nextLong(1L << 40) : Timestamp90k.WRAP - random.nextInt(90_000);
            List<Sent> sent = new ArrayList<>();
            long t = start;
            for (int i = 0; i < 40; i++) {
                t += random.nextInt(4000);
                boolean isVideo = random.nextInt(3) > 0;
                int size = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(10);
                    case 1 -> 184 - 14 - 8 + random.nextInt(4); // around a one-packet PES with PCR
                    case 2 -> 150 + random.nextInt(400);
                    default -> random.nextInt(6000);
                };
                byte[] data = new byte[size];
                random.nextBytes(data);
                long pts = isVideo ? t + random.nextInt(7200) : t;
                TsMuxer.Track track = isVideo ? video : audio;
                muxer.writeAccessUnit(track, pts, t, data, 0, size, isVideo && random.nextInt(10) == 0);
                sent.add(new Sent(track.pid(), pts, t, data));
            }
            List<AccessUnit> got = new ArrayList<>();
            TsDemuxer demuxer = new TsDemuxer(got::add);
            demuxer.feed(out.toByteArray());
            demuxer.endOfStream();
            assertEquals(0, demuxer.counters().continuityErrors());
            assertEquals(0, demuxer.counters().pesDropped());
            assertEquals(sent.size(), got.size(), "round " + round);
            for (int pid : new int[]{video.pid(), audio.pid()}) {
                List<Sent> s = sent.stream().filter(x -> x.pid() == pid).toList();
                List<AccessUnit> g = got.stream().filter(x -> x.pid() == pid).toList();
                assertEquals(s.size(), g.size());
                for (int i = 0; i < s.size(); i++) {
                    assertArrayEquals(s.get(i).data(), g.get(i).data(), "round " + round + " unit " + i);
                    long offset = g.getFirst().dts() - s.getFirst().dts(); // the demuxer's line starts where it starts
                    assertEquals(0, offset % Timestamp90k.WRAP);
                    assertEquals(s.get(i).dts(), g.get(i).dts() - offset);
                    assertEquals(s.get(i).pts(), g.get(i).pts() - offset);
                }
            }
        }
    }
}

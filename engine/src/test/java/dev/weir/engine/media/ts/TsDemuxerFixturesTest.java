package dev.weir.engine.media.ts;

import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged and awkward streams: PES split across packets, continuity gaps, duplicates, PTS wrap, garbage before
 * sync, arbitrary chunking, PMT changes. The streams are synthesised with {@link TsMuxer}, whose output is
 * pinned byte for byte by {@link TsGoldenTest}.
 */
class TsDemuxerFixturesTest {
    static final TsMuxer.Track VIDEO = TsMuxer.Track.video(ProgramMap.TYPE_H264);
    static final TsMuxer.Track AUDIO = TsMuxer.Track.audio(ProgramMap.TYPE_AAC_ADTS);

    /** A synthetic access unit: its bytes encode its index so that reassembly mistakes show. */
    static byte[] payload(int index, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (index * 31 + i);
        }
        return b;
    }

    record Stream(byte[] bytes, List<byte[]> videoPayloads) {
    }

    /** Video frames of 1000..3000 bytes (several packets each) every 40 ms, audio every ~21 ms. */
    static Stream stream(int frames, long startDts, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TsMuxer muxer = new TsMuxer((buf, off) -> out.write(buf, off, TsPacket.SIZE));
        muxer.setTracks(VIDEO, AUDIO);
        List<byte[]> video = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            long dts = startDts + i * 3600L;
            byte[] v = payload(i, 1000 + random.nextInt(2000));
            video.add(v);
            muxer.writeAccessUnit(VIDEO, dts + 3600, dts, v, 0, v.length, i % 25 == 0);
            byte[] a = payload(1000 + i, 200 + random.nextInt(200));
            muxer.writeAccessUnit(AUDIO, dts, dts, a, 0, a.length, false);
        }
        return new Stream(out.toByteArray(), video);
    }

    static final class Collector implements TsDemuxer.Listener {
        final List<AccessUnit> units = new ArrayList<>();
        final List<ProgramMap> maps = new ArrayList<>();

        @Override
        public void onAccessUnit(AccessUnit unit) {
            units.add(unit);
        }

        @Override
        public void onProgramMap(ProgramMap map) {
            maps.add(map);
        }

        List<AccessUnit> video() {
            return units.stream().filter(u -> u.codec() == TsCodec.H264).toList();
        }
    }

    static Collector demux(byte[] ts) {
        Collector c = new Collector();
        TsDemuxer d = new TsDemuxer(c);
        d.feed(ts);
        d.endOfStream();
        return c;
    }

    @Test
    void videoPesSplitAcrossPacketsIsReassembledAtTheNextPusi() {
        Stream s = stream(10, 126_000, new Random(1));
        Collector c = demux(s.bytes());
        List<AccessUnit> video = c.video();
        assertEquals(10, video.size());
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(s.videoPayloads().get(i), video.get(i).data(), "frame " + i);
            assertEquals(126_000 + i * 3600L, video.get(i).dts());
            assertEquals(video.get(i).dts() + 3600, video.get(i).pts());
        }
        assertTrue(video.getFirst().randomAccess());
        assertEquals(10, c.units.size() - video.size(), "audio PES with a length end without waiting");
    }

    @Test
    void arbitraryChunkingGivesTheSameUnits() {
        Stream s = stream(30, 900_000, new Random(2));
        Collector whole = demux(s.bytes());
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            Collector c = new Collector();
            TsDemuxer d = new TsDemuxer(c);
            byte[] ts = s.bytes();
            int pos = 0;
            while (pos < ts.length) {
                int n = Math.min(ts.length - pos, 1 + random.nextInt(700));
                d.feed(ts, pos, n);
                pos += n;
            }
            d.endOfStream();
            assertEquals(whole.units.size(), c.units.size());
            for (int i = 0; i < c.units.size(); i++) {
                assertArrayEquals(whole.units.get(i).data(), c.units.get(i).data());
                assertEquals(whole.units.get(i).pts(), c.units.get(i).pts());
            }
        }
    }

    @Test
    void continuityGapDropsOnlyThePesItHit() {
        Stream s = stream(10, 126_000, new Random(4));
        List<Integer> videoPackets = packetsOn(s.bytes(), VIDEO.pid());
        // remove a packet that is not the start of a PES (the 3rd packet of some frame)
        int victim = -1;
        for (int i = 1; i < videoPackets.size(); i++) {
            int idx = videoPackets.get(i);
            if ((s.bytes()[idx * 188 + 1] & 0x40) == 0 && i > 20) {
                victim = idx;
                break;
            }
        }
        byte[] damaged = withoutPacket(s.bytes(), victim);
        Collector c = new Collector();
        TsDemuxer d = new TsDemuxer(c);
        d.feed(damaged);
        d.endOfStream();
        assertEquals(1, d.counters().continuityErrors());
        assertEquals(1, d.counters().pesDropped());
        assertEquals(9, c.video().size());
        for (AccessUnit u : c.video()) {
            int index = (int) ((u.dts() - 126_000) / 3600);
            assertArrayEquals(s.videoPayloads().get(index), u.data(), "an undamaged frame stays intact");
        }
    }

    @Test
    void duplicatePacketIsIgnored() {
        Stream s = stream(5, 126_000, new Random(5));
        int packet = packetsOn(s.bytes(), VIDEO.pid()).get(3);
        byte[] withDuplicate = new byte[s.bytes().length + 188];
        System.arraycopy(s.bytes(), 0, withDuplicate, 0, (packet + 1) * 188);
        System.arraycopy(s.bytes(), packet * 188, withDuplicate, (packet + 1) * 188, 188);
        System.arraycopy(s.bytes(), (packet + 1) * 188, withDuplicate, (packet + 2) * 188,
                s.bytes().length - (packet + 1) * 188);
        Collector c = new Collector();
        TsDemuxer d = new TsDemuxer(c);
        d.feed(withDuplicate);
        d.endOfStream();
        assertEquals(1, d.counters().duplicates());
        assertEquals(0, d.counters().continuityErrors());
        assertEquals(5, c.video().size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(s.videoPayloads().get(i), c.video().get(i).data());
        }
    }

    @Test
    void garbageBeforeAndBetweenPacketsIsSkipped() {
        Stream s = stream(6, 126_000, new Random(6));
        byte[] garbage = MediaGolden.hex("00 11 22 33 47 55 66 77 88 99 aa bb"); // holds a lone 0x47
        byte[] ts = s.bytes();
        int cut = 40 * 188; // between two packets, in the middle of the stream
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(garbage, 0, garbage.length);
        b.write(ts, 0, cut);
        b.write(garbage, 0, garbage.length);
        b.write(ts, cut, ts.length - cut);
        Collector c = new Collector();
        TsDemuxer d = new TsDemuxer(c);
        d.feed(b.toByteArray());
        d.endOfStream();
        assertEquals(2, d.counters().resyncs());
        assertEquals(2L * garbage.length, d.counters().bytesSkipped());
        assertEquals(6, c.video().size());
        assertEquals(0, d.counters().continuityErrors());
    }

    @Test
    void ptsCrossing2To33IsUnwrappedMonotonically() {
        long start = Timestamp90k.WRAP - 20 * 3600; // 20 frames before the wrap
        Stream s = stream(60, start, new Random(7));
        Collector c = demux(s.bytes());
        List<AccessUnit> video = c.video();
        assertEquals(60, video.size());
        for (int i = 0; i < 60; i++) {
            assertEquals(start + i * 3600L, video.get(i).dts(), "frame " + i);
            assertEquals(start + i * 3600L + 3600, video.get(i).pts());
        }
        assertTrue(video.getLast().dts() > Timestamp90k.WRAP);
    }

    @Test
    void pmtVersionBumpWithANewPidIsFollowed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TsMuxer muxer = new TsMuxer((buf, off) -> out.write(buf, off, TsPacket.SIZE));
        muxer.setTracks(VIDEO, null);
        byte[] v = payload(1, 500);
        muxer.writeAccessUnit(VIDEO, 1000, 1000, v, 0, v.length, true);
        TsMuxer.Track otherAudio = new TsMuxer.Track(0x102, ProgramMap.TYPE_AAC_ADTS, 0xC0);
        muxer.setTracks(VIDEO, otherAudio);
        byte[] a = payload(2, 300);
        muxer.writeAccessUnit(otherAudio, 2000, 2000, a, 0, a.length, false);
        muxer.writeAccessUnit(VIDEO, 4600, 4600, v, 0, v.length, false);
        Collector c = demux(out.toByteArray());
        assertEquals(2, c.maps.size());
        assertEquals(0, c.maps.get(0).version());
        assertEquals(1, c.maps.get(1).version());
        assertEquals(3, c.units.size());
        List<AccessUnit> audio = c.units.stream().filter(u -> u.pid() == 0x102).toList();
        assertEquals(1, audio.size());
        assertArrayEquals(a, audio.getFirst().data());
    }

    @Test
    void slowVideoStillGetsAPcrEvery40msFromPayloadFreePackets() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TsMuxer muxer = new TsMuxer((buf, off) -> out.write(buf, off, TsPacket.SIZE));
        muxer.setTracks(VIDEO, AUDIO);
        long dts = 126_000;
        for (int i = 0; i < 100; i++) { // video at 2 fps, audio every 21.3 ms
            long t = dts + i * 1920L;
            if (i % 23 == 0) {
                byte[] v = payload(i, 800);
                muxer.writeAccessUnit(VIDEO, t, t, v, 0, v.length, i == 0);
            }
            byte[] a = payload(i, 200);
            muxer.writeAccessUnit(AUDIO, t, t, a, 0, a.length, false);
        }
        List<Long> pcrs = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onAccessUnit(AccessUnit unit) {
            }

            @Override
            public void onPcr(int pid, long pcr27MHz) {
                assertEquals(VIDEO.pid(), pid);
                pcrs.add(pcr27MHz);
            }
        });
        d.feed(out.toByteArray());
        assertEquals(0, d.counters().continuityErrors(), "payload-free packets keep the counter");
        for (int i = 1; i < pcrs.size(); i++) {
            long gap = pcrs.get(i) - pcrs.get(i - 1);
            assertTrue(gap > 0 && gap <= 27_000_000L / 10, "PCR gap " + gap / 27_000 + " ms");
        }
        assertTrue(pcrs.size() > 40);
    }

    @Test
    void unwrapperIsMonotonicForSmallForwardStepsAcrossManyWraps() {
        Random random = new Random(8);
        Timestamp90k.Unwrapper u = new Timestamp90k.Unwrapper();
        long truth = random.nextLong(Timestamp90k.WRAP);
        assertEquals(truth, u.unwrap(truth));
        for (int i = 0; i < 200_000; i++) {
            truth += random.nextInt(1 << 30); // up to ~3.3 h per step, several wraps over the loop
            assertEquals(truth, u.unwrap(truth & Timestamp90k.MASK));
        }
    }

    static List<Integer> packetsOn(byte[] ts, int pid) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i * 188 < ts.length; i++) {
            int p = ((ts[i * 188 + 1] & 0x1F) << 8) | (ts[i * 188 + 2] & 0xFF);
            if (p == pid) {
                out.add(i);
            }
        }
        return out;
    }

    static byte[] withoutPacket(byte[] ts, int index) {
        byte[] out = Arrays.copyOf(ts, ts.length - 188);
        System.arraycopy(ts, (index + 1) * 188, out, index * 188, ts.length - (index + 1) * 188);
        return out;
    }
}

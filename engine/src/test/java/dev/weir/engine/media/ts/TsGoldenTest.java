package dev.weir.engine.media.ts;

import dev.weir.engine.media.MediaGolden;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-annotated transport packets through the real demuxer and muxer. */
class TsGoldenTest {

    /** PAT exactly as ffmpeg 5.1 writes it (packet 1 of golden/media/ffmpeg_h264_aac_160x120.ts). */
    static final byte[] PAT = packet("""
            47 40 00 10      # sync, PUSI, PID 0x0000, payload only, cc 0
            00               # pointer_field
            00 b0 0d         # table_id 0 (PAT), section_syntax_indicator, section_length 13
            00 01            # transport_stream_id 1
            c1               # version 0, current_next 1
            00 00            # section 0 of 0
            00 01 f0 00      # program 1 -> PMT on PID 0x1000
            2a b1 04 b2      # CRC-32/MPEG-2
            """);

    /** PMT exactly as ffmpeg 5.1 writes it for H.264 + AAC (packet 2 of the same capture). */
    static final byte[] PMT = packet("""
            47 50 00 10      # sync, PUSI, PID 0x1000, payload only, cc 0
            00               # pointer_field
            02 b0 17         # table_id 2 (PMT), section_length 23
            00 01 c1 00 00   # program 1, version 0, current, section 0/0
            e1 00            # PCR_PID 0x100
            f0 00            # program_info_length 0
            1b e1 00 f0 00   # stream_type 0x1B H.264 on PID 0x100, no descriptors
            0f e1 01 f0 00   # stream_type 0x0F AAC ADTS on PID 0x101, no descriptors
            2f 44 b9 9b      # CRC
            """);

    /** An H.264 keyframe PES that fits one packet: PCR and stuffing in the adaptation field, PTS and DTS. */
    static final byte[] KEYFRAME_PES = MediaGolden.hex("""
            47 41 00 30      # sync, PUSI, PID 0x100, adaptation field + payload, cc 0
            98               # adaptation_field_length 152
            50               # random_access_indicator, PCR_flag
            00 00 7b 0c 7e 00  # PCR base 63000 (= DTS 126000 - 0.7 s lead), extension 0
            """ + " ff".repeat(145) + """
            00 00 01 e0      # PES start code, stream_id 0xE0 (video)
            00 00            # PES_packet_length 0: unbounded (video)
            80 c0 0a         # '10' marker; PTS_DTS_flags 11; PES_header_data_length 10
            31 00 07 f4 81   # PTS 129600 (1.44 s)
            11 00 07 d8 61   # DTS 126000 (1.40 s)
            00 00 00 01 09 f0  # access unit delimiter
            00 00 00 01 65 88  # IDR slice (start)
            """);

    static final byte[] KEYFRAME_ES = MediaGolden.hex("00 00 00 01 09 f0 00 00 00 01 65 88");

    private static byte[] packet(String annotatedStart) {
        byte[] start = MediaGolden.hex(annotatedStart);
        byte[] p = new byte[TsPacket.SIZE];
        Arrays.fill(p, (byte) 0xFF);
        System.arraycopy(start, 0, p, 0, start.length);
        return p;
    }

    @Test
    void patParsesToProgramOneOnPid0x1000() throws TsFormatException {
        TsPacket p = TsPacket.parse(PAT, 0);
        assertEquals(0, p.pid());
        assertTrue(p.payloadUnitStart());
        byte[] section = Arrays.copyOfRange(PAT, 5, 5 + 16);
        assertEquals(0, Crc32Mpeg.compute(section, 0, section.length));
        ProgramAssociation pat = ProgramAssociation.parse(section);
        assertEquals(List.of(new ProgramAssociation.Program(1, 0x1000)), pat.programs());
        assertEquals(1, pat.transportStreamId());
    }

    @Test
    void demuxerFollowsPatToPmt() {
        List<ProgramMap> maps = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onAccessUnit(AccessUnit unit) {
            }

            @Override
            public void onProgramMap(ProgramMap map) {
                maps.add(map);
            }
        });
        demuxer.feed(PAT);
        demuxer.feed(PMT);
        assertEquals(1, maps.size());
        ProgramMap map = maps.getFirst();
        assertEquals(0x100, map.pcrPid());
        assertEquals(List.of(
                new ProgramMap.ElementaryStream(0x1B, 0x100, TsCodec.H264),
                new ProgramMap.ElementaryStream(0x0F, 0x101, TsCodec.AAC_ADTS)), map.streams());
    }

    @Test
    void keyframePesGivesPcrPtsDtsAndPayload() {
        List<AccessUnit> units = new ArrayList<>();
        List<Long> pcrs = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onAccessUnit(AccessUnit unit) {
                units.add(unit);
            }

            @Override
            public void onPcr(int pid, long pcr27MHz) {
                pcrs.add(pcr27MHz);
            }
        });
        assertEquals(TsPacket.SIZE, KEYFRAME_PES.length);
        demuxer.feed(PAT);
        demuxer.feed(PMT);
        demuxer.feed(KEYFRAME_PES);
        demuxer.endOfStream(); // unbounded video PES ends here
        assertEquals(List.of(63_000L * 300), pcrs);
        assertEquals(1, units.size());
        AccessUnit u = units.getFirst();
        assertEquals(129_600, u.pts());
        assertEquals(126_000, u.dts());
        assertTrue(u.randomAccess());
        assertEquals(TsCodec.H264, u.codec());
        assertArrayEquals(KEYFRAME_ES, u.data());
    }

    @Test
    void muxerWritesFfmpegsTablesAndTheAnnotatedPes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TsMuxer muxer = new TsMuxer((buf, off) -> out.write(buf, off, TsPacket.SIZE));
        TsMuxer.Track video = TsMuxer.Track.video(ProgramMap.TYPE_H264);
        muxer.setTracks(video, TsMuxer.Track.audio(ProgramMap.TYPE_AAC_ADTS));
        muxer.writeAccessUnit(video, 129_600, 126_000, KEYFRAME_ES, 0, KEYFRAME_ES.length, true);
        byte[] written = out.toByteArray();
        assertEquals(3 * TsPacket.SIZE, written.length);
        assertArrayEquals(PAT, Arrays.copyOfRange(written, 0, 188));
        assertArrayEquals(PMT, Arrays.copyOfRange(written, 188, 376));
        assertArrayEquals(KEYFRAME_PES, Arrays.copyOfRange(written, 376, 564));
    }

    @Test
    void ffmpegCaptureMatchesTheAnnotatedTables() {
        byte[] ts = MediaGolden.bytes("ffmpeg_h264_aac_160x120.ts");
        // packet 0 is ffmpeg's SDT (PID 0x11), which Weir neither needs nor writes
        assertArrayEquals(PAT, Arrays.copyOfRange(ts, 188, 376));
        assertArrayEquals(PMT, Arrays.copyOfRange(ts, 376, 564));
    }

    @Test
    void ffmpegCaptureDemuxesToFiveVideoFramesAndAudio() {
        List<AccessUnit> units = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(units::add);
        demuxer.feed(MediaGolden.bytes("ffmpeg_h264_aac_160x120.ts"));
        demuxer.endOfStream();
        List<AccessUnit> video = units.stream().filter(u -> u.codec() == TsCodec.H264).toList();
        List<AccessUnit> audio = units.stream().filter(u -> u.codec() == TsCodec.AAC_ADTS).toList();
        assertEquals(5, video.size(), "0.2 s at 25 fps");
        // first PES header in the capture: 21 00 07 e7 61 = PTS 127920 (ffmpeg starts near 1.4 s)
        assertEquals(127_920, video.getFirst().pts());
        assertTrue(video.getFirst().randomAccess());
        for (int i = 1; i < video.size(); i++) {
            assertEquals(3600, video.get(i).pts() - video.get(i - 1).pts(), "40 ms apart");
            assertFalse(video.get(i).randomAccess());
        }
        assertFalse(audio.isEmpty());
        for (AccessUnit a : audio) {
            assertEquals(0xFF, a.data()[0] & 0xFF, "ADTS syncword");
        }
        TsDemuxerCounters c = demuxer.counters();
        assertEquals(0, c.continuityErrors());
        assertEquals(0, c.resyncs());
        assertEquals(0, c.pesDropped());
        assertEquals(33, c.packets());
    }

    @Test
    void opusAndAc3AreRecognisedFromDescriptors() throws TsFormatException {
        byte[] section = MediaGolden.hex("""
                02 b0 2a 00 01 c3 00 00   # PMT, section_length 42, program 1, version 1
                e1 00 f0 00               # PCR PID 0x100, no program info
                06 e1 01 f0 06            # private PES on 0x101, 6 bytes of descriptors
                05 04 4f 70 75 73         #   registration descriptor 'Opus'
                06 e1 02 f0 03            # private PES on 0x102, 3 bytes of descriptors
                6a 01 00                  #   DVB AC-3 descriptor
                81 e1 03 f0 00            # stream_type 0x81 (ATSC AC-3) on 0x103
                06 e1 04 f0 00            # private PES, no descriptor: private data
                00 00 00 00               # CRC (not checked by ProgramMap.parse)
                """);
        ProgramMap map = ProgramMap.parse(section);
        assertEquals(1, map.version());
        assertEquals(List.of(TsCodec.OPUS, TsCodec.AC3, TsCodec.AC3, TsCodec.OTHER),
                map.streams().stream().map(ProgramMap.ElementaryStream::codec).toList());
    }
}

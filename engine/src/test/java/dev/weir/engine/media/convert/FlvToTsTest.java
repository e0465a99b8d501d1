package dev.weir.engine.media.convert;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.MediaGolden;
import dev.weir.engine.media.ts.AccessUnit;
import dev.weir.engine.media.ts.SrtPayloadGrouper;
import dev.weir.engine.media.ts.TsCodec;
import dev.weir.engine.media.ts.TsDemuxer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlvToTsTest {
    static final byte[] AVC_C = MediaGolden.hexFile("avc_320x240_avcC.hex");

    final ByteArrayOutputStream ts = new ByteArrayOutputStream();
    final FlvToTs muxer = new FlvToTs("live/test", (buf, off) -> ts.write(buf, off, 188));

    static MediaMessage video(long t, byte[] body) {
        return new MediaMessage(MediaMessage.Kind.VIDEO, t, body);
    }

    List<AccessUnit> demux() {
        List<AccessUnit> units = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(units::add);
        d.feed(ts.toByteArray());
        d.endOfStream();
        assertEquals(0, d.counters().continuityErrors());
        return units;
    }

    @Test
    void avcKeyframeGetsAudAndParameterSetsInAnnexB() {
        muxer.accept(video(0, FlvBodies.avcSequenceHeader(AVC_C)));
        muxer.accept(video(0, MediaGolden.hex("17 01 00 00 28  00 00 00 03 65 88 84")));
        muxer.accept(video(40, MediaGolden.hex("27 01 00 00 00  00 00 00 02 41 9a")));
        List<AccessUnit> units = demux();
        assertEquals(2, units.size());
        AccessUnit key = units.get(0);
        assertEquals(TsCodec.H264, key.codec());
        assertEquals(FlvToTs.TIME_OFFSET_90K, key.dts());
        assertEquals(FlvToTs.TIME_OFFSET_90K + 40 * 90, key.pts());
        assertTrue(key.randomAccess());
        byte[] expected = TsToFlvTest.annexB(MediaGolden.hex("09 f0"), MediaGolden.hexFile("avc_320x240_sps.hex"),
                MediaGolden.hexFile("avc_320x240_pps.hex"), MediaGolden.hex("65 88 84"));
        assertArrayEquals(expected, key.data());
        assertArrayEquals(TsToFlvTest.annexB(MediaGolden.hex("09 f0"), MediaGolden.hex("41 9a")), units.get(1).data());
        assertEquals(ts.size() % 188, 0);
    }

    @Test
    void hevcFromEnhancedRtmpAndLegacyCodecId12() {
        byte[] hvcC = MediaGolden.hexFile("hevc_320x240_hvcC.hex");
        muxer.accept(video(0, FlvBodies.hevcSequenceStart(hvcC)));
        muxer.accept(video(0, FlvBodies.hevcFrame(true, 0, MediaGolden.hex("00 00 00 03 26 01 af"))));
        byte[] legacyHeader = new byte[5 + hvcC.length];
        legacyHeader[0] = 0x1C; // keyframe, codec id 12
        System.arraycopy(hvcC, 0, legacyHeader, 5, hvcC.length);
        muxer.accept(video(40, legacyHeader));
        muxer.accept(video(40, MediaGolden.hex("2c 01 00 00 00  00 00 00 03 02 01 d0")));
        List<AccessUnit> units = demux();
        assertEquals(2, units.size());
        assertEquals(TsCodec.H265, units.get(0).codec());
        byte[] expectedKey = TsToFlvTest.annexB(MediaGolden.hex("46 01 50"),
                MediaGolden.hexFile("hevc_320x240_vps.hex"),
                MediaGolden.hexFile("hevc_320x240_sps.hex"), MediaGolden.hexFile("hevc_320x240_pps.hex"),
                MediaGolden.hex("26 01 af"));
        assertArrayEquals(expectedKey, units.get(0).data());
        assertArrayEquals(TsToFlvTest.annexB(MediaGolden.hex("46 01 50"), MediaGolden.hex("02 01 d0")),
                units.get(1).data());
    }

    @Test
    void aacGetsAdtsHeaders() {
        muxer.accept(new MediaMessage(MediaMessage.Kind.AUDIO, 0, MediaGolden.hex("af 00 12 10")));
        byte[] raw = new byte[255];
        byte[] body = new byte[257];
        body[0] = (byte) 0xAF;
        body[1] = 1;
        muxer.accept(new MediaMessage(MediaMessage.Kind.AUDIO, 23, body));
        List<AccessUnit> units = demux();
        assertEquals(1, units.size());
        assertEquals(TsCodec.AAC_ADTS, units.getFirst().codec());
        byte[] expected = new byte[262];
        System.arraycopy(MediaGolden.hex("ff f1 50 80 20 df fc"), 0, expected, 0, 7); // ffmpeg's own header
        System.arraycopy(raw, 0, expected, 7, 255);
        assertArrayEquals(expected, units.getFirst().data());
        assertEquals(FlvToTs.TIME_OFFSET_90K + 23 * 90, units.getFirst().pts());
    }

    @Test
    void framesBeforeTheSequenceHeaderAreDropped() {
        muxer.accept(video(0, MediaGolden.hex("17 01 00 00 00  00 00 00 02 65 88")));
        assertEquals(0, ts.size());
        assertEquals(1, muxer.droppedMessages());
    }

    @Test
    void grouperMakes1316BytePayloads() {
        List<byte[]> payloads = new ArrayList<>();
        SrtPayloadGrouper grouper = new SrtPayloadGrouper(payloads::add);
        FlvToTs srt = new FlvToTs("live/test", grouper);
        srt.accept(video(0, FlvBodies.avcSequenceHeader(AVC_C)));
        byte[] big = new byte[5 + 4 + 3000];
        big[0] = 0x17;
        big[1] = 1;
        big[5 + 2] = (byte) (3000 >> 8);
        big[5 + 3] = (byte) (3000 & 0xFF);
        big[9] = 0x65;
        srt.accept(video(0, big));
        grouper.flush();
        for (int i = 0; i < payloads.size() - 1; i++) {
            assertEquals(1316, payloads.get(i).length);
        }
        assertEquals(0, payloads.getLast().length % 188);
        assertTrue(payloads.size() >= 3);
    }
}

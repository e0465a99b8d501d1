package dev.weir.engine.media.convert;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.MediaGolden;
import dev.weir.engine.media.ts.AccessUnit;
import dev.weir.engine.media.ts.TsCodec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TsToFlvTest {
    static final byte[] AVC_SPS = MediaGolden.hexFile("avc_320x240_sps.hex");
    static final byte[] AVC_PPS = MediaGolden.hexFile("avc_320x240_pps.hex");
    static final byte[] AVC_C = MediaGolden.hexFile("avc_320x240_avcC.hex");

    final List<MediaMessage> messages = new ArrayList<>();
    final TsToFlv converter = new TsToFlv("live/test", messages::add);

    static byte[] annexB(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            out.write(new byte[]{0, 0, 0, 1}, 0, 4);
            out.write(n, 0, n.length);
        }
        return out.toByteArray();
    }

    static AccessUnit video(TsCodec codec, long pts, long dts, byte[] data) {
        return new AccessUnit(0x100, codec, pts, dts, false, data);
    }

    @Test
    void h264KeyframeBecomesFfmpegsSequenceHeaderThenAnAvccFrame() {
        byte[] aud = MediaGolden.hex("09 f0");
        byte[] sei = MediaGolden.hex("06 05 01 aa 80");
        byte[] idr = MediaGolden.hex("65 88 84 00 ff");
        converter.onAccessUnit(video(TsCodec.H264, 129_600, 126_000, annexB(aud, AVC_SPS, AVC_PPS, sei, idr)));
        assertEquals(2, messages.size());
        MediaMessage header = messages.get(0);
        assertEquals(MediaMessage.Kind.VIDEO, header.kind());
        assertEquals(0, header.timestamp());
        // ffmpeg's FLV of the same stream: first video tag body = 17 00 00 00 00 + avcC
        byte[] expectedHeader = new byte[5 + AVC_C.length];
        expectedHeader[0] = 0x17;
        System.arraycopy(AVC_C, 0, expectedHeader, 5, AVC_C.length);
        assertArrayEquals(expectedHeader, header.body());
        assertArrayEquals(MediaGolden.hex("""
                17 01 00 00 28         # keyframe AVC NALU, composition time 40 ms
                00 00 00 05 06 05 01 aa 80   # SEI kept
                00 00 00 05 65 88 84 00 ff   # IDR slice; AUD, SPS and PPS removed
                """), messages.get(1).body());
    }

    @Test
    void framesBeforeParameterSetsAreDroppedAndChangesResendTheHeader() {
        byte[] slice = MediaGolden.hex("41 9a 00");
        converter.onAccessUnit(video(TsCodec.H264, 0, 0, annexB(slice)));
        assertEquals(0, messages.size());
        assertEquals(1, converter.framesBeforeConfig());
        converter.onAccessUnit(video(TsCodec.H264, 3600, 3600, annexB(AVC_SPS, AVC_PPS, MediaGolden.hex("65 88"))));
        converter.onAccessUnit(video(TsCodec.H264, 7200, 7200, annexB(AVC_SPS, AVC_PPS, MediaGolden.hex("65 88"))));
        assertEquals(3, messages.size(), "same SPS/PPS again: no second header");
        byte[] otherPps = MediaGolden.hex("68 eb c3 cb 22 c1");
        byte[] idr = MediaGolden.hex("65 88");
        converter.onAccessUnit(video(TsCodec.H264, 10_800, 10_800, annexB(AVC_SPS, otherPps, idr)));
        assertEquals(5, messages.size());
        assertEquals(0x00, messages.get(3).body()[1], "a new sequence header");
        assertEquals(120, messages.get(3).timestamp());
        assertEquals(0x17, messages.get(4).body()[0] & 0xFF);
    }

    @Test
    void h265BecomesEnhancedRtmpHvc1() {
        byte[] vps = MediaGolden.hexFile("hevc_320x240_vps.hex");
        byte[] sps = MediaGolden.hexFile("hevc_320x240_sps.hex");
        byte[] pps = MediaGolden.hexFile("hevc_320x240_pps.hex");
        byte[] hvcC = MediaGolden.hexFile("hevc_320x240_hvcC.hex");
        byte[] aud = MediaGolden.hex("46 01 50");
        byte[] idr = MediaGolden.hex("26 01 af 1d");   // IDR_W_RADL (type 19)
        byte[] trail = MediaGolden.hex("02 01 d0 11"); // TRAIL_R (type 1)
        converter.onAccessUnit(video(TsCodec.H265, 3600, 0, annexB(aud, vps, sps, pps, idr)));
        converter.onAccessUnit(video(TsCodec.H265, 3600, 3600, annexB(aud, trail)));
        assertEquals(3, messages.size());
        byte[] start = messages.get(0).body();
        assertArrayEquals(MediaGolden.hex("90 68 76 63 31"), Arrays.copyOf(start, 5),
                "IsExHeader, keyframe, SequenceStart, 'hvc1'");
        assertArrayEquals(hvcC, Arrays.copyOfRange(start, 5, start.length));
        assertArrayEquals(MediaGolden.hex("""
                91 68 76 63 31   # IsExHeader | keyframe | CodedFrames, 'hvc1'
                00 00 28         # composition time 40 ms
                00 00 00 04 26 01 af 1d
                """), messages.get(1).body());
        assertArrayEquals(MediaGolden.hex("""
                a3 68 76 63 31   # IsExHeader | inter frame | CodedFramesX (no composition time)
                00 00 00 04 02 01 d0 11
                """), messages.get(2).body());
        assertEquals(40, messages.get(2).timestamp());
    }

    @Test
    void adtsPesBecomesAscThenRawFramesWithSpacedTimestamps() {
        byte[] adts = MediaGolden.bytes("ffmpeg_aac_44100_stereo.adts");
        converter.onAccessUnit(new AccessUnit(0x101, TsCodec.AAC_ADTS, 90_000, 90_000, false, adts));
        assertEquals(7, messages.size(), "one ASC, six frames");
        assertArrayEquals(MediaGolden.hex("af 00 12 10"), messages.getFirst().body());
        assertArrayEquals(MediaGolden.hex("af 01"), Arrays.copyOf(messages.get(1).body(), 2));
        assertEquals(262 - 7 + 2, messages.get(1).body().length, "ADTS header stripped");
        long[] times = messages.stream().skip(1).mapToLong(MediaMessage::timestamp).toArray();
        assertArrayEquals(new long[]{0, 23, 46, 69, 92, 116}, times, "1024 samples at 44.1 kHz apart");
    }

    @Test
    void opusIsSkippedAndCounted() {
        converter.onAccessUnit(new AccessUnit(0x102, TsCodec.OPUS, 0, 0, false, MediaGolden.hex("7f e0 01")));
        converter.onAccessUnit(new AccessUnit(0x102, TsCodec.OPUS, 1800, 1800, false, MediaGolden.hex("7f e0 01")));
        assertEquals(0, messages.size());
        assertEquals(2, converter.skippedUnits());
    }

    @Test
    void aJumpOfMinutesRebasesInsteadOfJumping() {
        byte[] idr = annexB(AVC_SPS, AVC_PPS, MediaGolden.hex("65 88"));
        byte[] p = annexB(MediaGolden.hex("41 9a"));
        converter.onAccessUnit(video(TsCodec.H264, 0, 0, idr));
        converter.onAccessUnit(video(TsCodec.H264, 3600, 3600, p));
        converter.onAccessUnit(video(TsCodec.H264, 90_000 * 600, 90_000 * 600, p)); // encoder restart +10 min
        converter.onAccessUnit(video(TsCodec.H264, 90_000 * 600 + 3600, 90_000 * 600 + 3600, p));
        converter.onAccessUnit(video(TsCodec.H264, 7200, 7200, p)); // and back
        long[] times = messages.stream().mapToLong(MediaMessage::timestamp).toArray();
        assertArrayEquals(new long[]{0, 0, 40, 40, 80, 80}, times);
        assertEquals(2, converter.rebases());
    }
}

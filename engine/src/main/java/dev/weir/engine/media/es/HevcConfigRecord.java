package dev.weir.engine.media.es;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 §8.3.3.1, the {@code hvcC} box body and the Enhanced RTMP
 * {@code hvc1} SequenceStart payload): built from one VPS, SPS and PPS with 4-byte NAL lengths, and read back for
 * its parameter sets.
 *
 * <p>min_spatial_segmentation_idc and parallelismType are written as 0 ("unknown"), which is always allowed;
 * they would need the SPS VUI and the PPS, which Weir does not parse. avgFrameRate and constantFrameRate are 0
 * (unspecified) as well. ffmpeg writes the same for x265's default output.
 */
public final class HevcConfigRecord {
    private HevcConfigRecord() {
    }

    public static byte[] build(byte[] vps, byte[] sps, byte[] pps) throws EsFormatException {
        HevcSps info = HevcSps.parse(sps);
        if (HevcSps.nalType(vps) != HevcSps.NAL_VPS || HevcSps.nalType(pps) != HevcSps.NAL_PPS) {
            throw new EsFormatException("H.265 config needs a VPS (32) and a PPS (34), got NAL types "
                    + HevcSps.nalType(vps) + " and " + HevcSps.nalType(pps));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // configurationVersion
        out.write((info.profileSpace() << 6) | (info.tierFlag() ? 0x20 : 0) | info.profileIdc());
        writeBits(out, info.compatibilityFlags(), 4);
        writeBits(out, info.constraintFlags(), 6);
        out.write(info.levelIdc());
        out.write(0xF0); // reserved 1111, min_spatial_segmentation_idc 0 (12 bits)
        out.write(0x00);
        out.write(0xFC); // reserved 111111, parallelismType 0
        out.write(0xFC | info.chromaFormatIdc());
        out.write(0xF8 | (info.bitDepthLuma() - 8));
        out.write(0xF8 | (info.bitDepthChroma() - 8));
        out.write(0); // avgFrameRate
        out.write(0);
        out.write((info.maxSubLayers() << 3) | (info.temporalIdNesting() ? 0x04 : 0) | 0x03); // lengthSize 4
        out.write(3); // numOfArrays
        for (byte[] unit : List.of(vps, sps, pps)) {
            out.write(HevcSps.nalType(unit)); // array_completeness 0
            out.write(0);
            out.write(1); // numNalus
            out.write(unit.length >> 8);
            out.write(unit.length);
            out.write(unit, 0, unit.length);
        }
        return out.toByteArray();
    }

    /** The NAL units of every array (VPS, SPS, PPS, SEI) in record order, and the NAL length size. */
    public record ParameterSets(int lengthSize, List<byte[]> units) {
    }

    public static ParameterSets parse(byte[] b, int offset, int length) throws EsFormatException {
        int end = offset + length;
        if (length < 23 || b[offset] != 1) {
            throw new EsFormatException("not an HEVCDecoderConfigurationRecord (version must be 1)");
        }
        int lengthSize = (b[offset + 21] & 0x3) + 1;
        int arrays = b[offset + 22] & 0xFF;
        int p = offset + 23;
        List<byte[]> units = new ArrayList<>();
        for (int a = 0; a < arrays; a++) {
            if (p + 3 > end) {
                throw new EsFormatException("HEVC config record ends inside an array header");
            }
            int count = ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
            p = AvcConfigRecord.readUnits(b, p + 1, end, count, units, 2);
        }
        return new ParameterSets(lengthSize, units);
    }

    private static void writeBits(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >> (8 * i)));
        }
    }
}

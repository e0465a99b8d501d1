package dev.weir.engine.media.es;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1, the {@code avcC} box body and the FLV AVC sequence
 * header): built from one SPS and one PPS, with 4-byte NAL lengths; and read back for its parameter sets.
 */
public final class AvcConfigRecord {
    private AvcConfigRecord() {
    }

    /**
     * Builds the record. For the High profiles the chroma format / bit depth extension is written, as the
     * standard requires and as ffmpeg does.
     */
    public static byte[] build(byte[] sps, byte[] pps) throws EsFormatException {
        AvcSps info = AvcSps.parse(sps);
        if (AvcSps.nalType(pps) != AvcSps.NAL_PPS) {
            throw new EsFormatException("not an H.264 PPS (NAL type " + AvcSps.nalType(pps) + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // configurationVersion
        out.write(info.profileIdc());
        out.write(info.constraintFlags());
        out.write(info.levelIdc());
        out.write(0xFF); // reserved 111111, lengthSizeMinusOne 3
        out.write(0xE1); // reserved 111, numOfSequenceParameterSets 1
        writeUnit(out, sps);
        out.write(1); // numOfPictureParameterSets
        writeUnit(out, pps);
        if (AvcSps.hasChromaInfo(info.profileIdc())) {
            out.write(0xFC | info.chromaFormatIdc());
            out.write(0xF8 | (info.bitDepthLuma() - 8));
            out.write(0xF8 | (info.bitDepthChroma() - 8));
            out.write(0); // numOfSequenceParameterSetExt
        }
        return out.toByteArray();
    }

    /** The parameter sets and NAL length size found in a record. */
    public record ParameterSets(int lengthSize, List<byte[]> sps, List<byte[]> pps) {
    }

    public static ParameterSets parse(byte[] b, int offset, int length) throws EsFormatException {
        int end = offset + length;
        if (length < 7 || b[offset] != 1) {
            throw new EsFormatException("not an AVCDecoderConfigurationRecord (version must be 1)");
        }
        int lengthSize = (b[offset + 4] & 0x3) + 1;
        int p = offset + 5;
        List<byte[]> sps = new ArrayList<>();
        List<byte[]> pps = new ArrayList<>();
        p = readUnits(b, p, end, b[p] & 0x1F, sps, 1);
        if (p >= end) {
            throw new EsFormatException("AVCDecoderConfigurationRecord ends before its PPS count");
        }
        readUnits(b, p, end, b[p] & 0xFF, pps, 1);
        return new ParameterSets(lengthSize, sps, pps);
    }

    /** Reads {@code count} 16-bit-length-prefixed units after the count byte at {@code p}. */
    static int readUnits(byte[] b, int p, int end, int count, List<byte[]> into, int countBytes)
            throws EsFormatException {
        p += countBytes;
        for (int i = 0; i < count; i++) {
            if (p + 2 > end) {
                throw new EsFormatException("config record ends inside a parameter set length");
            }
            int n = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
            p += 2;
            if (p + n > end) {
                throw new EsFormatException("config record parameter set of " + n + " bytes runs past the end");
            }
            into.add(java.util.Arrays.copyOfRange(b, p, p + n));
            p += n;
        }
        return p;
    }

    private static void writeUnit(ByteArrayOutputStream out, byte[] unit) {
        out.write(unit.length >> 8);
        out.write(unit.length);
        out.write(unit, 0, unit.length);
    }
}

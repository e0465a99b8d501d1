package dev.weir.engine.media.avc;

import dev.weir.engine.media.MalformedMediaException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An AVCDecoderConfigurationRecord ({@code avcC}): the H.264 sequence header of FLV/RTMP and MP4.
 *
 * <pre>
 *  configurationVersion (8) = 1 | AVCProfileIndication (8) | profile_compatibility (8) | AVCLevelIndication (8)
 *  reserved (6) | lengthSizeMinusOne (2) | reserved (3) | numOfSequenceParameterSets (5)
 *  per SPS: length (16), NAL unit | numOfPictureParameterSets (8) | per PPS: length (16), NAL unit
 *  High profiles: reserved (6) | chroma_format (2) | reserved (5) | bit_depth_luma_minus8 (3)
 *                 reserved (5) | bit_depth_chroma_minus8 (3) | numOfSequenceParameterSetExt (8) | ...
 * </pre>
 *
 * Read for stats and for the parameter sets a TS muxer repeats before keyframes (the High-profile extension
 * repeats the SPS and is not read); built from one SPS and one PPS when TS is converted to FLV/MP4.
 *
 * @param profileIdc           AVCProfileIndication
 * @param profileCompatibility the constraint_set flags byte
 * @param levelIdc             AVCLevelIndication
 * @param nalLengthSize        bytes of the length before each NAL unit in coded frames (1, 2 or 4)
 * @param sequenceParameterSets SPS NAL units, header byte included
 * @param pictureParameterSets  PPS NAL units, header byte included
 */
public record AvcDecoderConfigurationRecord(
        int profileIdc,
        int profileCompatibility,
        int levelIdc,
        int nalLengthSize,
        List<byte[]> sequenceParameterSets,
        List<byte[]> pictureParameterSets) {

    public AvcDecoderConfigurationRecord {
        sequenceParameterSets = List.copyOf(sequenceParameterSets);
        pictureParameterSets = List.copyOf(pictureParameterSets);
    }

    public static AvcDecoderConfigurationRecord parse(byte[] b) throws MalformedMediaException {
        return parse(b, 0, b.length);
    }

    /** Parses the record in {@code length} bytes of {@code b} from {@code offset} (e.g. after a 5-byte FLV header). */
    public static AvcDecoderConfigurationRecord parse(byte[] b, int offset, int length) throws MalformedMediaException {
        if (offset < 0 || length < 0 || offset + length > b.length) throw new IllegalArgumentException("range outside the array");
        int end = offset + length;
        if (length < 6) throw new MalformedMediaException("avcC of " + length + " bytes is shorter than its 6-byte header");
        if (b[offset] != 1) throw new MalformedMediaException("avcC has configurationVersion " + (b[offset] & 0xFF) + ", expected 1");
        int pos = offset + 4;
        int nalLengthSize = (b[pos++] & 0x03) + 1;
        if (nalLengthSize == 3) throw new MalformedMediaException("avcC declares 3-byte NAL lengths, which H.264 does not allow");
        List<byte[]> sps = new ArrayList<>();
        int count = b[pos++] & 0x1F;
        pos = readNalUnits(b, pos, end, count, sps, "SPS");
        List<byte[]> pps = new ArrayList<>();
        if (pos < end) {
            count = b[pos++] & 0xFF;
            readNalUnits(b, pos, end, count, pps, "PPS");
        }
        return new AvcDecoderConfigurationRecord(b[offset + 1] & 0xFF, b[offset + 2] & 0xFF, b[offset + 3] & 0xFF,
                nalLengthSize, sps, pps);
    }

    private static int readNalUnits(byte[] b, int pos, int end, int count, List<byte[]> out, String what)
            throws MalformedMediaException {
        for (int i = 0; i < count; i++) {
            if (pos + 2 > end) throw new MalformedMediaException("avcC ends before the length of " + what + " " + i);
            int size = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += 2;
            if (size > end - pos) throw new MalformedMediaException("avcC " + what + " " + i + " of " + size + " bytes runs past the record");
            out.add(java.util.Arrays.copyOfRange(b, pos, pos + size));
            pos += size;
        }
        return pos;
    }

    /**
     * Builds the record for one SPS and one PPS (NAL units with their header byte), with 4-byte NAL lengths. For
     * the High profiles the chroma format / bit depth extension is written, as the standard requires and as
     * ffmpeg does.
     */
    public static byte[] build(byte[] sps, byte[] pps) throws MalformedMediaException {
        AvcSps info = AvcSps.parse(sps);
        if (AvcNal.type(pps) != AvcNal.PPS) {
            throw new MalformedMediaException("NAL unit type " + AvcNal.type(pps) + " is not a PPS (8)");
        }
        if (sps.length > 0xFFFF || pps.length > 0xFFFF) {
            throw new MalformedMediaException("parameter set of " + Math.max(sps.length, pps.length) + " bytes does not fit avcC");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // configurationVersion
        out.write(info.profileIdc());
        out.write(info.constraintFlags());
        out.write(info.levelIdc());
        out.write(0xFF); // reserved 111111, lengthSizeMinusOne 3
        out.write(0xE1); // reserved 111, numOfSequenceParameterSets 1
        writeNalUnit(out, sps);
        out.write(1); // numOfPictureParameterSets
        writeNalUnit(out, pps);
        if (AvcSps.hasChromaInfo(info.profileIdc())) {
            out.write(0xFC | info.chromaFormatIdc());
            out.write(0xF8 | (info.bitDepthLuma() - 8));
            out.write(0xF8 | (info.bitDepthChroma() - 8));
            out.write(0); // numOfSequenceParameterSetExt
        }
        return out.toByteArray();
    }

    private static void writeNalUnit(ByteArrayOutputStream out, byte[] unit) {
        out.write(unit.length >> 8);
        out.write(unit.length);
        out.write(unit, 0, unit.length);
    }

    /** The first SPS, parsed. */
    public AvcSps firstSps() throws MalformedMediaException {
        if (sequenceParameterSets.isEmpty()) throw new MalformedMediaException("avcC carries no SPS");
        return AvcSps.parse(sequenceParameterSets.getFirst());
    }
}

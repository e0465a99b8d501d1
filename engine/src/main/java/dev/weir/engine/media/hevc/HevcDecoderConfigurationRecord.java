package dev.weir.engine.media.hevc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.nal.BitReader;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HEVCDecoderConfigurationRecord ({@code hvcC}): the H.265 sequence header of Enhanced RTMP and MP4.
 *
 * <pre>
 *  configurationVersion (8) = 1 | profile_tier_level general part (96 bits, as in the SPS)
 *  reserved (4) | min_spatial_segmentation_idc (12) | reserved (6) | parallelismType (2)
 *  reserved (6) | chromaFormat (2) | reserved (5) | bitDepthLumaMinus8 (3) | reserved (5) | bitDepthChromaMinus8 (3)
 *  avgFrameRate (16, frames per 256 s) | constantFrameRate (2) | numTemporalLayers (3) | temporalIdNested (1)
 *  lengthSizeMinusOne (2) | numOfArrays (8)
 *  per array: array_completeness (1) | reserved (1) | NAL_unit_type (6) | numNalus (16) | per NAL: length (16), bytes
 * </pre>
 *
 * Read for stats and for the parameter sets a TS muxer repeats before keyframes; built from one VPS, SPS and PPS
 * when TS is converted to Enhanced RTMP / MP4.
 *
 * @param profileTierLevel  the general profile, tier and level
 * @param chromaFormat      0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma      bits per luma sample
 * @param avgFrameRate      frames per second the encoder declared, 0 when unspecified
 * @param nalLengthSize     bytes of the length before each NAL unit in coded frames
 * @param vps               VPS NAL units (type 32), header included
 * @param sps               SPS NAL units (type 33), header included
 * @param pps               PPS NAL units (type 34), header included
 * @param nalUnits          every NAL unit of every array (SEI too), in record order
 */
public record HevcDecoderConfigurationRecord(
        HevcProfileTierLevel profileTierLevel,
        int chromaFormat,
        int bitDepthLuma,
        double avgFrameRate,
        int nalLengthSize,
        List<byte[]> vps,
        List<byte[]> sps,
        List<byte[]> pps,
        List<byte[]> nalUnits) {

    private static final int HEADER_BYTES = 23;

    public HevcDecoderConfigurationRecord {
        vps = List.copyOf(vps);
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
        nalUnits = List.copyOf(nalUnits);
    }

    public static HevcDecoderConfigurationRecord parse(byte[] b) throws MalformedMediaException {
        return parse(b, 0, b.length);
    }

    /** Parses the record in {@code length} bytes of {@code b} from {@code offset} (e.g. after an Enhanced RTMP header). */
    public static HevcDecoderConfigurationRecord parse(byte[] b, int offset, int length) throws MalformedMediaException {
        if (offset < 0 || length < 0 || offset + length > b.length) throw new IllegalArgumentException("range outside the array");
        if (length < HEADER_BYTES) throw new MalformedMediaException("hvcC of " + length + " bytes is shorter than its 23-byte header");
        if (b[offset] != 1) throw new MalformedMediaException("hvcC has configurationVersion " + (b[offset] & 0xFF) + ", expected 1");
        BitReader r = new BitReader(b, offset + 1, HEADER_BYTES - 1);
        HevcProfileTierLevel ptl = HevcProfileTierLevel.read(r, 0);
        r.skip(16 + 8);             // min_spatial_segmentation_idc, parallelismType
        int chromaFormat = (int) (r.bits(8) & 0x03);
        int bitDepthLuma = (int) (r.bits(8) & 0x07) + 8;
        r.skip(8);                  // bitDepthChromaMinus8
        int avgFrameRate = r.u(16);
        int flags = r.u(8);
        int nalLengthSize = (flags & 0x03) + 1;
        int arrays = r.u(8);
        List<byte[]> vps = new ArrayList<>();
        List<byte[]> sps = new ArrayList<>();
        List<byte[]> pps = new ArrayList<>();
        List<byte[]> all = new ArrayList<>();
        int pos = offset + HEADER_BYTES;
        int end = offset + length;
        for (int a = 0; a < arrays; a++) {
            if (pos + 3 > end) throw new MalformedMediaException("hvcC ends before NAL array " + a);
            int type = b[pos] & 0x3F;
            int count = ((b[pos + 1] & 0xFF) << 8) | (b[pos + 2] & 0xFF);
            pos += 3;
            List<byte[]> target = switch (type) {
                case HevcNal.VPS -> vps;
                case HevcNal.SPS -> sps;
                case HevcNal.PPS -> pps;
                default -> null; // SEI and others: only in nalUnits
            };
            for (int i = 0; i < count; i++) {
                if (pos + 2 > end) throw new MalformedMediaException("hvcC ends before the length of NAL unit " + i + " of array " + a);
                int size = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
                pos += 2;
                if (size > end - pos) throw new MalformedMediaException("hvcC NAL unit of " + size + " bytes runs past the record");
                byte[] unit = Arrays.copyOfRange(b, pos, pos + size);
                all.add(unit);
                if (target != null) target.add(unit);
                pos += size;
            }
        }
        return new HevcDecoderConfigurationRecord(ptl, chromaFormat, bitDepthLuma, avgFrameRate / 256.0,
                nalLengthSize, vps, sps, pps, all);
    }

    /**
     * Builds the record for one VPS, SPS and PPS (NAL units with their two header bytes), with 4-byte NAL lengths,
     * one array each.
     *
     * <p>min_spatial_segmentation_idc and parallelismType are written as 0 ("unknown"), which is always allowed;
     * they would need the SPS VUI and the PPS, which Weir does not parse. avgFrameRate and constantFrameRate are 0
     * (unspecified) as well. ffmpeg writes the same for x265's default output.
     */
    public static byte[] build(byte[] vps, byte[] sps, byte[] pps) throws MalformedMediaException {
        HevcSps info = HevcSps.parse(sps);
        if (HevcNal.type(vps) != HevcNal.VPS || HevcNal.type(pps) != HevcNal.PPS) {
            throw new MalformedMediaException("hvcC needs a VPS (32) and a PPS (34), got NAL unit types "
                    + HevcNal.type(vps) + " and " + HevcNal.type(pps));
        }
        if (vps.length > 0xFFFF || sps.length > 0xFFFF || pps.length > 0xFFFF) {
            throw new MalformedMediaException("a parameter set of more than 65535 bytes does not fit hvcC");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // configurationVersion
        info.profileTierLevel().writeGeneral(out);
        out.write(0xF0); // reserved 1111, min_spatial_segmentation_idc 0 (12 bits)
        out.write(0x00);
        out.write(0xFC); // reserved 111111, parallelismType 0
        out.write(0xFC | info.chromaFormatIdc());
        out.write(0xF8 | (info.bitDepthLuma() - 8));
        out.write(0xF8 | (info.bitDepthChroma() - 8));
        out.write(0); // avgFrameRate
        out.write(0);
        // constantFrameRate 0, numTemporalLayers, temporalIdNested, lengthSizeMinusOne 3
        out.write((info.maxSubLayers() << 3) | (info.temporalIdNesting() ? 0x04 : 0) | 0x03);
        out.write(3); // numOfArrays
        for (byte[] unit : List.of(vps, sps, pps)) {
            out.write(HevcNal.type(unit)); // array_completeness 0, reserved 0
            out.write(0); // numNalus 1
            out.write(1);
            out.write(unit.length >> 8);
            out.write(unit.length);
            out.write(unit, 0, unit.length);
        }
        return out.toByteArray();
    }

    /** The first SPS, parsed. */
    public HevcSps firstSps() throws MalformedMediaException {
        if (sps.isEmpty()) throw new MalformedMediaException("hvcC carries no SPS");
        return HevcSps.parse(sps.getFirst());
    }
}

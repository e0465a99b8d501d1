package dev.weir.engine.media.hevc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.nal.BitReader;

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
 * @param profileTierLevel  the general profile, tier and level
 * @param chromaFormat      0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma      bits per luma sample
 * @param avgFrameRate      frames per second the encoder declared, 0 when unspecified
 * @param nalLengthSize     bytes of the length before each NAL unit in coded frames
 * @param vps               VPS NAL units (type 32), header included
 * @param sps               SPS NAL units (type 33), header included
 * @param pps               PPS NAL units (type 34), header included
 */
public record HevcDecoderConfigurationRecord(
        HevcProfileTierLevel profileTierLevel,
        int chromaFormat,
        int bitDepthLuma,
        double avgFrameRate,
        int nalLengthSize,
        List<byte[]> vps,
        List<byte[]> sps,
        List<byte[]> pps) {

    static final int NAL_VPS = 32;
    static final int NAL_SPS = 33;
    static final int NAL_PPS = 34;
    private static final int HEADER_BYTES = 23;

    public HevcDecoderConfigurationRecord {
        vps = List.copyOf(vps);
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
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
        int pos = offset + HEADER_BYTES;
        int end = offset + length;
        for (int a = 0; a < arrays; a++) {
            if (pos + 3 > end) throw new MalformedMediaException("hvcC ends before NAL array " + a);
            int type = b[pos] & 0x3F;
            int count = ((b[pos + 1] & 0xFF) << 8) | (b[pos + 2] & 0xFF);
            pos += 3;
            List<byte[]> target = switch (type) {
                case NAL_VPS -> vps;
                case NAL_SPS -> sps;
                case NAL_PPS -> pps;
                default -> null; // SEI and others: skipped
            };
            for (int i = 0; i < count; i++) {
                if (pos + 2 > end) throw new MalformedMediaException("hvcC ends before the length of NAL unit " + i + " of array " + a);
                int size = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
                pos += 2;
                if (size > end - pos) throw new MalformedMediaException("hvcC NAL unit of " + size + " bytes runs past the record");
                if (target != null) target.add(Arrays.copyOfRange(b, pos, pos + size));
                pos += size;
            }
        }
        return new HevcDecoderConfigurationRecord(ptl, chromaFormat, bitDepthLuma, avgFrameRate / 256.0,
                nalLengthSize, vps, sps, pps);
    }

    /** The first SPS, parsed. */
    public HevcSps firstSps() throws MalformedMediaException {
        if (sps.isEmpty()) throw new MalformedMediaException("hvcC carries no SPS");
        return HevcSps.parse(sps.getFirst());
    }
}

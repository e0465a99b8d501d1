package dev.weir.engine.media.hevc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.nal.BitReader;
import dev.weir.engine.media.nal.Rbsp;

/**
 * The start of an H.265 sequence parameter set (H.265 7.3.2.2.1), up to the bit depths: what stats show
 * (profile, tier, level, displayed picture size) and what an {@code hvcC} record and an MP4 sample entry need
 * (sub-layers, the whole general profile_tier_level, chroma format, bit depths). The rest (and with it the VUI
 * frame rate, which sits behind short-term reference picture sets) is not read; the hub measures frame rate
 * instead.
 *
 * @param profileTierLevel  general profile, tier and level
 * @param maxSubLayers      sps_max_sub_layers_minus1 + 1 (numTemporalLayers in hvcC)
 * @param temporalIdNesting sps_temporal_id_nesting_flag
 * @param chromaFormatIdc   0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma      bits per luma sample
 * @param bitDepthChroma    bits per chroma sample
 * @param width             displayed width (after the conformance window)
 * @param height            displayed height (after the conformance window)
 */
public record HevcSps(HevcProfileTierLevel profileTierLevel, int maxSubLayers, boolean temporalIdNesting,
                      int chromaFormatIdc, int bitDepthLuma, int bitDepthChroma, int width, int height) {

    /** Larger pictures than this (level 6.2's bound, sqrt(8 × MaxLumaPs)) are taken for a broken SPS. */
    private static final int MAX_DIMENSION = 16888;

    /** Parses an SPS NAL unit, its two header bytes included. */
    public static HevcSps parse(byte[] nal) throws MalformedMediaException {
        if (nal.length < 3) throw new MalformedMediaException("HEVC SPS of " + nal.length + " bytes is too short");
        int type = HevcNal.type(nal);
        if (type != HevcNal.SPS) {
            throw new MalformedMediaException("NAL unit type " + type + " is not an HEVC SPS (33)");
        }
        BitReader r = new BitReader(Rbsp.fromNal(nal, 2, nal.length - 2));
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.u(3);
        if (maxSubLayersMinus1 > 6) throw new MalformedMediaException("HEVC SPS has " + (maxSubLayersMinus1 + 1) + " sub-layers, at most 7 allowed");
        boolean temporalIdNesting = r.flag();
        HevcProfileTierLevel ptl = HevcProfileTierLevel.read(r, maxSubLayersMinus1);
        r.ue(); // sps_seq_parameter_set_id
        int chromaFormatIdc = r.ue();
        if (chromaFormatIdc > 3) throw new MalformedMediaException("HEVC SPS chroma_format_idc " + chromaFormatIdc + " is above 3");
        boolean separateColourPlane = chromaFormatIdc == 3 && r.flag();
        long width = r.ue();
        long height = r.ue();
        if (r.flag()) { // conformance_window_flag: offsets in chroma sample units
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int subWidth = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int subHeight = chromaArrayType == 1 ? 2 : 1;
            long left = r.ue(), right = r.ue(), top = r.ue(), bottom = r.ue();
            width -= subWidth * (left + right);
            height -= subHeight * (top + bottom);
        }
        if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new MalformedMediaException("HEVC SPS describes a " + width + "x" + height + " picture");
        }
        int bitDepthLuma = r.ue() + 8;
        int bitDepthChroma = r.ue() + 8;
        if (bitDepthLuma > 16 || bitDepthChroma > 16) {
            throw new MalformedMediaException("HEVC SPS bit depth " + bitDepthLuma + "/" + bitDepthChroma + " is above 16");
        }
        return new HevcSps(ptl, maxSubLayersMinus1 + 1, temporalIdNesting, chromaFormatIdc, bitDepthLuma,
                bitDepthChroma, (int) width, (int) height);
    }
}

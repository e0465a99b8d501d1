package dev.weir.engine.media.es;

/**
 * The fields of an H.265 sequence parameter set (ITU-T H.265 §7.3.2.2) that the {@code hvcC} record and the
 * MP4 sample entry need: the general profile_tier_level, chroma format, bit depths and picture size. Parsing
 * stops after the bit depths; the rest of the SPS (reference picture sets, VUI) is not needed.
 *
 * @param maxSubLayers          sps_max_sub_layers_minus1 + 1 (numTemporalLayers)
 * @param temporalIdNesting     sps_temporal_id_nesting_flag
 * @param profileSpace          general_profile_space
 * @param tierFlag              general_tier_flag (high tier)
 * @param profileIdc            general_profile_idc (1 Main, 2 Main 10, ...)
 * @param compatibilityFlags    general_profile_compatibility_flags (32 bits)
 * @param constraintFlags       the 48 bits from general_progressive_source_flag on
 * @param levelIdc              general_level_idc (30 × level, e.g. 93 = 3.1)
 */
public record HevcSps(int maxSubLayers, boolean temporalIdNesting, int profileSpace, boolean tierFlag,
                      int profileIdc, long compatibilityFlags, long constraintFlags, int levelIdc,
                      int chromaFormatIdc, int bitDepthLuma, int bitDepthChroma, int width, int height) {

    public static final int NAL_VPS = 32;
    public static final int NAL_SPS = 33;
    public static final int NAL_PPS = 34;
    public static final int NAL_AUD = 35;
    public static final int NAL_PREFIX_SEI = 39;
    public static final int NAL_SUFFIX_SEI = 40;

    public static int nalType(byte[] nal) {
        return nal.length == 0 ? -1 : (nal[0] >> 1) & 0x3F;
    }

    /** IRAP pictures (BLA, IDR, CRA: types 16..23) are where a decoder can start. */
    public static boolean isRandomAccess(int nalType) {
        return nalType >= 16 && nalType <= 23;
    }

    /** Parses an SPS NAL unit (with its two-byte NAL header). */
    public static HevcSps parse(byte[] nal) throws EsFormatException {
        if (nal.length < 3 || nalType(nal) != NAL_SPS) {
            throw new EsFormatException("not an H.265 SPS (NAL type " + nalType(nal) + ")");
        }
        RbspReader r = new RbspReader(nal, 2);
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.bits(3);
        boolean nesting = r.flag();
        int profileSpace = r.bits(2);
        boolean tier = r.flag();
        int profile = r.bits(5);
        long compat = r.longBits(32);
        long constraints = r.longBits(48);
        int level = r.bits(8);
        boolean[] subProfile = new boolean[maxSubLayersMinus1];
        boolean[] subLevel = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            subProfile[i] = r.flag();
            subLevel[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2 * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (subProfile[i]) {
                r.skip(88);
            }
            if (subLevel[i]) {
                r.skip(8);
            }
        }
        r.ue(); // sps_seq_parameter_set_id
        int chroma = r.ue();
        if (chroma > 3) {
            throw new EsFormatException("chroma_format_idc " + chroma + " is out of range");
        }
        boolean separate = chroma == 3 && r.flag();
        int width = r.ue();
        int height = r.ue();
        if (r.flag()) { // conformance_window_flag
            int subWidth = (chroma == 1 || chroma == 2) && !separate ? 2 : 1;
            int subHeight = chroma == 1 && !separate ? 2 : 1;
            long left = r.ue();
            long right = r.ue();
            long top = r.ue();
            long bottom = r.ue();
            width = (int) Math.max(0, width - subWidth * (left + right));
            height = (int) Math.max(0, height - subHeight * (top + bottom));
        }
        int depthLuma = 8 + r.ue();
        int depthChroma = 8 + r.ue();
        if (width <= 0 || height <= 0 || width > 16888 || height > 16888 || depthLuma > 16 || depthChroma > 16) {
            throw new EsFormatException("SPS gives an impossible picture " + width + "x" + height);
        }
        return new HevcSps(maxSubLayersMinus1 + 1, nesting, profileSpace, tier, profile, compat, constraints, level,
                chroma, depthLuma, depthChroma, width, height);
    }
}

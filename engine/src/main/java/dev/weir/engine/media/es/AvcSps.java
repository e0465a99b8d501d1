package dev.weir.engine.media.es;

/**
 * The fields of an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1) that the {@code avcC} record and
 * MP4 sample entry need.
 *
 * @param profileIdc          profile_idc (66 Baseline, 77 Main, 100 High, ...)
 * @param constraintFlags     the byte of constraint_set flags (profile_compatibility in avcC)
 * @param levelIdc            level_idc (31 = 3.1)
 * @param chromaFormatIdc     0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma        8 + bit_depth_luma_minus8
 * @param bitDepthChroma      8 + bit_depth_chroma_minus8
 * @param width               displayed width in pixels (after cropping)
 * @param height              displayed height in pixels (after cropping)
 */
public record AvcSps(int profileIdc, int constraintFlags, int levelIdc, int chromaFormatIdc, int bitDepthLuma,
                     int bitDepthChroma, int width, int height) {

    /** NAL unit types Weir treats specially. */
    public static final int NAL_SLICE = 1;
    public static final int NAL_IDR = 5;
    public static final int NAL_SEI = 6;
    public static final int NAL_SPS = 7;
    public static final int NAL_PPS = 8;
    public static final int NAL_AUD = 9;

    public static int nalType(byte[] nal) {
        return nal.length == 0 ? -1 : nal[0] & 0x1F;
    }

    /** Profiles whose SPS carries chroma format and bit depth (and whose avcC carries the extension). */
    public static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    /** Parses an SPS NAL unit (with its one-byte NAL header). */
    public static AvcSps parse(byte[] nal) throws EsFormatException {
        if (nalType(nal) != NAL_SPS) {
            throw new EsFormatException("not an H.264 SPS (NAL type " + nalType(nal) + ")");
        }
        RbspReader r = new RbspReader(nal, 1);
        int profile = r.bits(8);
        int constraints = r.bits(8);
        int level = r.bits(8);
        r.ue(); // seq_parameter_set_id
        int chroma = 1;
        int depthLuma = 8;
        int depthChroma = 8;
        boolean separateColourPlanes = false;
        if (hasChromaInfo(profile)) {
            chroma = r.ue();
            if (chroma > 3) {
                throw new EsFormatException("chroma_format_idc " + chroma + " is out of range");
            }
            if (chroma == 3) {
                separateColourPlanes = r.flag();
            }
            depthLuma = 8 + r.ue();
            depthChroma = 8 + r.ue();
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chroma != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int pocType = r.ue();
        if (pocType == 0) {
            r.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (pocType == 1) {
            r.skip(1);
            r.se();
            r.se();
            int cycle = r.ue();
            if (cycle > 255) {
                throw new EsFormatException("num_ref_frames_in_pic_order_cnt_cycle " + cycle + " is out of range");
            }
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = r.ue() + 1;
        int heightMapUnits = r.ue() + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1); // mb_adaptive_frame_field_flag
        }
        r.skip(1); // direct_8x8_inference_flag
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (r.flag()) {
            cropLeft = r.ue();
            cropRight = r.ue();
            cropTop = r.ue();
            cropBottom = r.ue();
        }
        int arrayType = separateColourPlanes ? 0 : chroma;
        int cropUnitX = arrayType == 0 ? 1 : (arrayType == 3 ? 1 : 2);
        int cropUnitY = (arrayType == 0 ? 1 : (arrayType == 1 ? 2 : 1)) * (frameMbsOnly ? 1 : 2);
        long width = widthMbs * 16L - (long) cropUnitX * (cropLeft + cropRight);
        long height = (frameMbsOnly ? 1 : 2) * heightMapUnits * 16L - (long) cropUnitY * (cropTop + cropBottom);
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new EsFormatException("SPS gives an impossible picture size " + width + "x" + height);
        }
        return new AvcSps(profile, constraints, level, chroma, depthLuma, depthChroma, (int) width, (int) height);
    }

    private static void skipScalingList(RbspReader r, int size) throws EsFormatException {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }
}

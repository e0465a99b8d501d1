package dev.weir.engine.media.avc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.nal.BitReader;
import dev.weir.engine.media.nal.Rbsp;

/**
 * What Weir reads from an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1): what stats show (profile, level,
 * displayed picture size, the declared frame rate) and what an {@code avcC} record and an MP4 sample entry need
 * (chroma format, bit depths). Everything after the VUI timing info is left unread.
 *
 * @param profileIdc       profile_idc (66 Baseline, 77 Main, 100 High, ...)
 * @param constraintFlags  constraint_set0..5 flags, constraint_set0 in the most significant bit (the
 *                         profile_compatibility byte of avcC)
 * @param levelIdc         level_idc, ten times the level (31 = 3.1)
 * @param chromaFormatIdc  0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param bitDepthLuma     bits per luma sample
 * @param bitDepthChroma   bits per chroma sample
 * @param width            displayed width in pixels (after cropping)
 * @param height           displayed height in pixels (after cropping)
 * @param frameRate        frames per second from VUI timing info, 0 when the SPS declares none
 */
public record AvcSps(
        int profileIdc,
        int constraintFlags,
        int levelIdc,
        int chromaFormatIdc,
        int bitDepthLuma,
        int bitDepthChroma,
        int width,
        int height,
        double frameRate) {

    private static final int EXTENDED_SAR = 255;
    /** Larger pictures than this are taken for a broken SPS, not a real stream. */
    private static final int MAX_DIMENSION = 16384;

    /** Parses an SPS NAL unit, one header byte included. */
    public static AvcSps parse(byte[] nal) throws MalformedMediaException {
        if (nal.length < 4) throw new MalformedMediaException("SPS of " + nal.length + " bytes is too short");
        if (AvcNal.type(nal) != AvcNal.SPS) {
            throw new MalformedMediaException("NAL unit type " + AvcNal.type(nal) + " is not an SPS (7)");
        }
        BitReader r = new BitReader(Rbsp.fromNal(nal, 1, nal.length - 1));
        int profileIdc = r.u(8);
        int constraintFlags = r.u(8);
        int levelIdc = r.u(8);
        r.ue(); // seq_parameter_set_id
        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        if (hasChromaInfo(profileIdc)) {
            chromaFormatIdc = r.ue();
            if (chromaFormatIdc > 3) throw new MalformedMediaException("SPS chroma_format_idc " + chromaFormatIdc + " is above 3");
            if (chromaFormatIdc == 3) separateColourPlane = r.flag();
            bitDepthLuma = r.ue() + 8;
            bitDepthChroma = r.ue() + 8;
            if (bitDepthLuma > 14 || bitDepthChroma > 14) {
                throw new MalformedMediaException("SPS bit depth " + bitDepthLuma + "/" + bitDepthChroma + " is above 14");
            }
            r.flag(); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) skipScalingList(r, i < 6 ? 16 : 64);
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int picOrderCntType = r.ue();
        if (picOrderCntType == 0) {
            r.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (picOrderCntType == 1) {
            r.flag(); // delta_pic_order_always_zero_flag
            r.se(); // offset_for_non_ref_pic
            r.se(); // offset_for_top_to_bottom_field
            int cycle = r.ue();
            if (cycle > 255) throw new MalformedMediaException("SPS num_ref_frames_in_pic_order_cnt_cycle " + cycle + " is above 255");
            for (int i = 0; i < cycle; i++) r.se();
        } else if (picOrderCntType != 2) {
            throw new MalformedMediaException("SPS pic_order_cnt_type " + picOrderCntType + " is above 2");
        }
        r.ue(); // max_num_ref_frames
        r.flag(); // gaps_in_frame_num_value_allowed_flag
        long widthInMbs = r.ue() + 1L;
        long heightInMapUnits = r.ue() + 1L;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) r.flag(); // mb_adaptive_frame_field_flag
        r.flag(); // direct_8x8_inference_flag
        long cropLeft = 0, cropRight = 0, cropTop = 0, cropBottom = 0;
        if (r.flag()) {
            cropLeft = r.ue();
            cropRight = r.ue();
            cropTop = r.ue();
            cropBottom = r.ue();
        }
        // Cropping is counted in chroma sample units (7.4.2.1.1): two luma columns/rows for 4:2:0, and rows
        // count twice again when pictures are coded as fields.
        int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
        int subWidth = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
        int subHeight = chromaArrayType == 1 ? 2 : 1;
        int frameHeightFactor = frameMbsOnly ? 1 : 2;
        long width = widthInMbs * 16 - subWidth * (cropLeft + cropRight);
        long height = frameHeightFactor * heightInMapUnits * 16 - subHeight * frameHeightFactor * (cropTop + cropBottom);
        if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new MalformedMediaException("SPS describes a " + width + "x" + height + " picture");
        }
        double frameRate = r.flag() ? vuiFrameRate(r) : 0;
        return new AvcSps(profileIdc, constraintFlags, levelIdc, chromaFormatIdc, bitDepthLuma, bitDepthChroma,
                (int) width, (int) height, frameRate);
    }

    /**
     * Profiles whose SPS carries chroma format, bit depths and scaling matrices (7.3.2.1.1), and whose avcC
     * carries the chroma format and bit depth extension (ISO/IEC 14496-15 5.3.3.1.2).
     */
    public static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    private static void skipScalingList(BitReader r, int size) throws MalformedMediaException {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) next = (last + r.se() + 256) % 256;
            last = next == 0 ? last : next;
        }
    }

    /**
     * Reads the VUI up to its timing info (annex E.1.1); 0 when the VUI declares no timing, or ends before it: the
     * frame rate is informative, and an SPS whose picture size was read is still good for a configuration record.
     */
    private static double vuiFrameRate(BitReader r) {
        try {
            return vuiTiming(r);
        } catch (MalformedMediaException e) {
            return 0;
        }
    }

    private static double vuiTiming(BitReader r) throws MalformedMediaException {
        if (r.flag()) { // aspect_ratio_info_present_flag
            if (r.u(8) == EXTENDED_SAR) r.skip(32); // sar_width, sar_height
        }
        if (r.flag()) r.flag(); // overscan_info_present_flag, overscan_appropriate_flag
        if (r.flag()) { // video_signal_type_present_flag
            r.skip(4); // video_format, video_full_range_flag
            if (r.flag()) r.skip(24); // colour_primaries, transfer_characteristics, matrix_coefficients
        }
        if (r.flag()) { // chroma_loc_info_present_flag
            r.ue();
            r.ue();
        }
        if (!r.flag()) return 0; // timing_info_present_flag
        long numUnitsInTick = r.bits(32);
        long timeScale = r.bits(32);
        if (numUnitsInTick == 0 || timeScale == 0) return 0;
        // One frame is two ticks: time_scale counts field rate (E.2.1).
        return timeScale / (2.0 * numUnitsInTick);
    }

    /** The profile as players name it: {@code High}, {@code Main}, {@code Constrained Baseline}, ... */
    public String profileName() {
        boolean set1 = (constraintFlags & 0x40) != 0;
        boolean set3 = (constraintFlags & 0x10) != 0;
        return switch (profileIdc) {
            case 66 -> set1 ? "Constrained Baseline" : "Baseline";
            case 77 -> "Main";
            case 88 -> "Extended";
            case 100 -> "High";
            case 110 -> set3 ? "High 10 Intra" : "High 10";
            case 122 -> set3 ? "High 4:2:2 Intra" : "High 4:2:2";
            case 244 -> set3 ? "High 4:4:4 Intra" : "High 4:4:4 Predictive";
            case 44 -> "CAVLC 4:4:4 Intra";
            case 83 -> "Scalable Baseline";
            case 86 -> "Scalable High";
            case 118 -> "Multiview High";
            case 128 -> "Stereo High";
            default -> "Profile " + profileIdc;
        };
    }

    /** The level as text: {@code 3.1}, {@code 4.0}, {@code 1b}. */
    public String levelName() {
        boolean set3 = (constraintFlags & 0x10) != 0;
        if (levelIdc == 9 || (levelIdc == 11 && set3 && (profileIdc == 66 || profileIdc == 77))) return "1b";
        return (levelIdc / 10) + "." + (levelIdc % 10);
    }
}

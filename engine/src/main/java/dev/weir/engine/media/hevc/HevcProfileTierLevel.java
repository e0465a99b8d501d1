package dev.weir.engine.media.hevc;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.nal.BitReader;

import java.io.ByteArrayOutputStream;

/**
 * The general part of an HEVC profile_tier_level (H.265 7.3.3), as both the hvcC record and the SPS carry it.
 *
 * @param profileSpace         general_profile_space (0 for every profile in use)
 * @param highTier             general_tier_flag
 * @param profileIdc           general_profile_idc (1 Main, 2 Main 10, 3 Main Still Picture, 4 range extensions, ...)
 * @param compatibilityFlags   general_profile_compatibility_flag[0..31], flag 0 in the most significant bit
 * @param constraintFlags      the 48 bits from general_progressive_source_flag on (source flags, constraint
 *                             flags, general_inbld_flag/reserved), as the hvcC record repeats them
 * @param levelIdc             general_level_idc, thirty times the level (93 = 3.1)
 */
public record HevcProfileTierLevel(int profileSpace, boolean highTier, int profileIdc, long compatibilityFlags,
                                   long constraintFlags, int levelIdc) {

    /** Reads profile_tier_level(1, maxSubLayersMinus1) and skips its sub-layer part. */
    static HevcProfileTierLevel read(BitReader r, int maxSubLayersMinus1) throws MalformedMediaException {
        int profileSpace = r.u(2);
        boolean highTier = r.flag();
        int profileIdc = r.u(5);
        long compatibility = r.bits(32);
        long constraints = r.bits(48); // progressive, interlaced, non-packed, frame-only and 44 constraint bits
        int levelIdc = r.u(8);
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) r.skip(2L * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) r.skip(88);
            if (levelPresent[i]) r.skip(8);
        }
        return new HevcProfileTierLevel(profileSpace, highTier, profileIdc, compatibility, constraints, levelIdc);
    }

    /** Writes the general part as the hvcC record stores it: 12 bytes, the layout {@link #read} reads. */
    void writeGeneral(ByteArrayOutputStream out) {
        out.write((profileSpace << 6) | (highTier ? 0x20 : 0) | profileIdc);
        for (int shift = 24; shift >= 0; shift -= 8) out.write((int) (compatibilityFlags >> shift));
        for (int shift = 40; shift >= 0; shift -= 8) out.write((int) (constraintFlags >> shift));
        out.write(levelIdc);
    }

    /**
     * The profile as players name it: {@code Main}, {@code Main 10}, ... A profile_idc of 0 falls back to the
     * first compatibility flag set, as decoders do.
     */
    public String profileName() {
        int idc = profileIdc;
        if (idc == 0) {
            for (int j = 1; j < 32; j++) {
                if ((compatibilityFlags & (1L << (31 - j))) != 0) {
                    idc = j;
                    break;
                }
            }
        }
        return switch (idc) {
            case 1 -> "Main";
            case 2 -> "Main 10";
            case 3 -> "Main Still Picture";
            case 4 -> "Rext";
            case 5 -> "High Throughput 4:4:4";
            case 6 -> "Multiview Main";
            case 7 -> "Scalable Main";
            case 8 -> "3D Main";
            case 9 -> "Screen Content";
            default -> "Profile " + idc;
        };
    }

    /** The level as text: {@code 4.1}, {@code 5.0}, with {@code High tier} appended when set. */
    public String levelName() {
        String level = (levelIdc / 30) + "." + (levelIdc % 30) / 3;
        return highTier ? level + " High tier" : level;
    }
}

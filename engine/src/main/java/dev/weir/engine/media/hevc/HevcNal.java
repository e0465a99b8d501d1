package dev.weir.engine.media.hevc;

/**
 * H.265 NAL unit types Weir acts on (ITU-T H.265 table 7-1), read from the two-byte NAL unit header:
 * {@code forbidden_zero_bit (1) | nal_unit_type (6) | nuh_layer_id (6) | nuh_temporal_id_plus1 (3)}.
 */
public final class HevcNal {
    public static final int VPS = 32;
    public static final int SPS = 33;
    public static final int PPS = 34;
    /** Access unit delimiter. */
    public static final int AUD = 35;
    public static final int FILLER = 38;
    public static final int PREFIX_SEI = 39;
    public static final int SUFFIX_SEI = 40;

    private HevcNal() {}

    /** The nal_unit_type of a NAL unit (header first), or -1 for an empty one. */
    public static int type(byte[] nal) {
        return nal.length == 0 ? -1 : (nal[0] >> 1) & 0x3F;
    }

    /** IRAP pictures (BLA, IDR, CRA: types 16 to 23) are where a decoder can start. */
    public static boolean isRandomAccess(int type) {
        return type >= 16 && type <= 23;
    }
}

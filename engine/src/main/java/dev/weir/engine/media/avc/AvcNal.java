package dev.weir.engine.media.avc;

/**
 * H.264 NAL unit types Weir acts on (ITU-T H.264 table 7-1), read from the one-byte NAL unit header:
 * {@code forbidden_zero_bit (1) | nal_ref_idc (2) | nal_unit_type (5)}.
 */
public final class AvcNal {
    public static final int SLICE = 1;
    /** A slice of an IDR picture: where a decoder can start. */
    public static final int IDR = 5;
    public static final int SEI = 6;
    public static final int SPS = 7;
    public static final int PPS = 8;
    /** Access unit delimiter. */
    public static final int AUD = 9;
    public static final int FILLER = 12;

    private AvcNal() {}

    /** The nal_unit_type of a NAL unit (header byte first), or -1 for an empty one. */
    public static int type(byte[] nal) {
        return nal.length == 0 ? -1 : nal[0] & 0x1F;
    }
}

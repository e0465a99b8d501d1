package dev.weir.engine.media.ts;

/**
 * The header of a PES packet (ISO/IEC 13818-1 §2.4.3.6), as far as Weir needs it: the stream id, the declared
 * length and the presentation and decoding timestamps.
 *
 * @param streamId      stream_id (0xE0.. video, 0xC0.. MPEG audio, 0xBD private stream 1, ...)
 * @param packetLength  PES_packet_length; 0 means "unbounded" (allowed for video: ends at the next PUSI)
 * @param pts           33-bit PTS or {@link Timestamp90k#NONE}
 * @param dts           33-bit DTS, or {@link Timestamp90k#NONE} when only a PTS was sent
 * @param payloadOffset where the elementary-stream bytes start, counted from the 00 00 01 prefix
 */
public record PesHeader(int streamId, int packetLength, long pts, long dts, int payloadOffset) {

    /** The six bytes of start code prefix, stream_id and PES_packet_length. */
    public static final int PREFIX_LENGTH = 6;

    /**
     * Parses the header at the start of {@code buf[0..length)}.
     *
     * @throws TsFormatException when the start code is missing or the header does not fit
     */
    public static PesHeader parse(byte[] buf, int length) throws TsFormatException {
        if (length < PREFIX_LENGTH || buf[0] != 0 || buf[1] != 0 || buf[2] != 1) {
            throw new TsFormatException("PES packet does not start with 00 00 01");
        }
        int streamId = buf[3] & 0xFF;
        int packetLength = ((buf[4] & 0xFF) << 8) | (buf[5] & 0xFF);
        if (!hasOptionalHeader(streamId)) {
            return new PesHeader(streamId, packetLength, Timestamp90k.NONE, Timestamp90k.NONE, PREFIX_LENGTH);
        }
        if (length < 9) {
            throw new TsFormatException("PES header is cut short");
        }
        if ((buf[6] & 0xC0) != 0x80) {
            throw new TsFormatException("PES header lacks the '10' marker bits (MPEG-1 system stream?)");
        }
        int ptsDtsFlags = (buf[7] >> 6) & 0x3;
        int headerDataLength = buf[8] & 0xFF;
        int payloadOffset = 9 + headerDataLength;
        if (payloadOffset > length) {
            throw new TsFormatException("PES header_data_length " + headerDataLength + " overruns the packet");
        }
        long pts = Timestamp90k.NONE;
        long dts = Timestamp90k.NONE;
        if (ptsDtsFlags >= 2) {
            if (headerDataLength < 5) {
                throw new TsFormatException("PES header claims a PTS but has no room for it");
            }
            pts = Timestamp90k.read(buf, 9);
        }
        if (ptsDtsFlags == 3) {
            if (headerDataLength < 10) {
                throw new TsFormatException("PES header claims a DTS but has no room for it");
            }
            dts = Timestamp90k.read(buf, 14);
        }
        return new PesHeader(streamId, packetLength, pts, dts, payloadOffset);
    }

    /** Stream ids whose PES packets carry no flags/timestamps (program stream map, padding, private 2, ...). */
    static boolean hasOptionalHeader(int streamId) {
        return switch (streamId) {
            case 0xBC, 0xBE, 0xBF, 0xF0, 0xF1, 0xF2, 0xF8, 0xFF -> false;
            default -> true;
        };
    }
}

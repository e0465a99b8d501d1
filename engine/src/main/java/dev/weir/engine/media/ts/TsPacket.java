package dev.weir.engine.media.ts;

/**
 * The 4-byte header and optional adaptation field of one 188-byte transport packet. The payload is not copied:
 * {@link #payloadOffset()} and {@link #payloadLength()} point into the buffer the packet was parsed from.
 *
 * @param pid                 13-bit packet identifier
 * @param payloadUnitStart    PUSI: a PES packet or PSI section starts in this payload
 * @param transportError      TEI: the demodulator flagged the packet as damaged
 * @param scrambled           transport_scrambling_control is non-zero (we cannot read the payload)
 * @param hasPayload          adaptation_field_control says a payload follows
 * @param continuityCounter   4-bit counter that advances on each packet with payload
 * @param discontinuity       discontinuity_indicator from the adaptation field
 * @param randomAccess        random_access_indicator from the adaptation field (a keyframe starts here)
 * @param pcr                 program clock reference in 27 MHz units, or {@link #NO_PCR}
 * @param payloadOffset       index of the first payload byte in the source buffer
 * @param payloadLength       number of payload bytes (0 when there is none)
 */
public record TsPacket(int pid, boolean payloadUnitStart, boolean transportError, boolean scrambled,
                       boolean hasPayload, int continuityCounter, boolean discontinuity, boolean randomAccess,
                       long pcr, int payloadOffset, int payloadLength) {

    public static final int SIZE = 188;
    public static final byte SYNC_BYTE = 0x47;
    public static final int NULL_PID = 0x1FFF;
    public static final long NO_PCR = -1;

    /**
     * Reads the packet that starts at {@code offset} (which must hold the sync byte).
     *
     * @throws TsFormatException when the adaptation field claims more bytes than the packet has
     */
    public static TsPacket parse(byte[] buf, int offset) throws TsFormatException {
        if (buf[offset] != SYNC_BYTE) {
            throw new TsFormatException("transport packet does not start with 0x47");
        }
        int b1 = buf[offset + 1] & 0xFF;
        int b2 = buf[offset + 2] & 0xFF;
        int b3 = buf[offset + 3] & 0xFF;
        boolean tei = (b1 & 0x80) != 0;
        boolean pusi = (b1 & 0x40) != 0;
        int pid = ((b1 & 0x1F) << 8) | b2;
        boolean scrambled = (b3 & 0xC0) != 0;
        int afc = (b3 >> 4) & 0x3;
        int cc = b3 & 0xF;
        int pos = offset + 4;
        int end = offset + SIZE;
        boolean discontinuity = false;
        boolean randomAccess = false;
        long pcr = NO_PCR;
        if ((afc & 0x2) != 0) {
            int afLength = buf[pos] & 0xFF;
            if (pos + 1 + afLength > end || ((afc & 0x1) != 0 && afLength > 182)) {
                throw new TsFormatException("adaptation field length " + afLength + " does not fit the packet");
            }
            if (afLength > 0) {
                int flags = buf[pos + 1] & 0xFF;
                discontinuity = (flags & 0x80) != 0;
                randomAccess = (flags & 0x40) != 0;
                if ((flags & 0x10) != 0 && afLength >= 7) {
                    pcr = readPcr(buf, pos + 2);
                }
            }
            pos += 1 + afLength;
        }
        boolean hasPayload = (afc & 0x1) != 0;
        int payloadLength = hasPayload ? end - pos : 0;
        return new TsPacket(pid, pusi, tei, scrambled, hasPayload, cc, discontinuity, randomAccess, pcr,
                pos, payloadLength);
    }

    /** PCR as 27 MHz ticks: 33-bit base × 300 + 9-bit extension. */
    static long readPcr(byte[] b, int p) {
        long base = ((long) (b[p] & 0xFF) << 25) | ((b[p + 1] & 0xFF) << 17) | ((b[p + 2] & 0xFF) << 9)
                | ((b[p + 3] & 0xFF) << 1) | ((b[p + 4] & 0xFF) >> 7);
        int ext = ((b[p + 4] & 0x01) << 8) | (b[p + 5] & 0xFF);
        return base * 300 + ext;
    }
}

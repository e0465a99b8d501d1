package dev.weir.engine.media.ts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes elementary-stream access units as a single-program transport stream: PAT and PMT at the start, before
 * every video keyframe and at least every 100 ms of stream time; PES packets with PTS (and DTS when it differs);
 * a PCR in the first packet of each PES on the PCR PID, and in a payload-free packet when the PCR stream is
 * slower than {@link #PCR_INTERVAL} while the other stream goes on; continuity counters; adaptation-field
 * stuffing to fill the last packet of each PES. Every packet goes to the {@link PacketSink} as soon as it is built.
 *
 * <p>Timestamps are on the caller's 90 kHz line (any 64-bit value; the wire keeps the low 33 bits). The PCR runs
 * {@link #PCR_LEAD} behind the DTS so that players have time to buffer before decoding.
 *
 * <p>Layout follows ffmpeg's defaults so that players treat Weir's output like theirs: PMT on PID 0x1000,
 * program 1, transport_stream_id 1.
 */
public final class TsMuxer {
    public static final int PMT_PID = 0x1000;
    public static final int PROGRAM_NUMBER = 1;
    /** How far the PCR trails the DTS (0.7 s, like ffmpeg's default mux delay). */
    public static final long PCR_LEAD = 63_000;
    /** Longest stream-time gap between table repeats (100 ms). */
    public static final long TABLE_INTERVAL = 9_000;
    /** Longest stream-time gap between PCRs (40 ms; ISO/IEC 13818-1 allows 100 ms). */
    public static final long PCR_INTERVAL = 3_600;

    /** Receives each 188-byte packet, which lives in {@code buf[offset .. offset+188)} only during the call. */
    @FunctionalInterface
    public interface PacketSink {
        void packet(byte[] buf, int offset);
    }

    /**
     * One elementary stream of the program.
     *
     * @param pid        its PID (0x0010..0x1FFE, not {@link #PMT_PID})
     * @param streamType PMT stream_type ({@link ProgramMap#TYPE_H264}, ...)
     * @param streamId   PES stream_id (0xE0 video, 0xC0 audio)
     */
    public record Track(int pid, int streamType, int streamId) {
        public static Track video(int streamType) {
            return new Track(0x100, streamType, 0xE0);
        }

        public static Track audio(int streamType) {
            return new Track(0x101, streamType, 0xC0);
        }

        boolean isVideo() {
            return streamId >= 0xE0 && streamId <= 0xEF;
        }
    }

    private final PacketSink sink;
    private final byte[] packet = new byte[TsPacket.SIZE];
    private final int[] cc = new int[8192];
    private final List<Track> tracks = new ArrayList<>();
    private int pmtVersion;
    private boolean tablesDue = true;
    private long lastTablesDts = Long.MIN_VALUE;
    private long lastPcrDts = Long.MIN_VALUE;

    public TsMuxer(PacketSink sink) {
        this.sink = Objects.requireNonNull(sink);
    }

    /** Sets the program's streams (video first, then audio; nulls left out). A change bumps the PMT version. */
    public void setTracks(Track video, Track audio) {
        List<Track> next = new ArrayList<>();
        if (video != null) {
            next.add(video);
        }
        if (audio != null) {
            next.add(audio);
        }
        if (!next.equals(tracks)) {
            if (!tracks.isEmpty()) {
                pmtVersion = (pmtVersion + 1) & 0x1F;
            }
            tracks.clear();
            tracks.addAll(next);
            tablesDue = true;
        }
    }

    public List<Track> tracks() {
        return List.copyOf(tracks);
    }

    /** The PID that carries the PCR: the video track if there is one, else the first track. */
    public int pcrPid() {
        for (Track t : tracks) {
            if (t.isVideo()) {
                return t.pid();
            }
        }
        return tracks.isEmpty() ? TsPacket.NULL_PID : tracks.getFirst().pid();
    }

    /**
     * Writes one access unit as one PES packet.
     *
     * @param pts          presentation time, 90 kHz
     * @param dts          decoding time, 90 kHz (≤ pts)
     * @param randomAccess a keyframe: tables are repeated first and random_access_indicator is set
     */
    public void writeAccessUnit(Track track, long pts, long dts, byte[] data, int offset, int length,
                                boolean randomAccess) {
        if (!tracks.contains(track)) {
            throw new IllegalArgumentException("track " + track + " is not part of the program " + tracks);
        }
        if (tablesDue || (randomAccess && track.isVideo()) || lastTablesDts == Long.MIN_VALUE
                || dts - lastTablesDts >= TABLE_INTERVAL || dts < lastTablesDts) {
            writeTables();
            lastTablesDts = dts;
        }
        byte[] header = pesHeader(track, pts, dts, length);
        boolean withPcr = track.pid() == pcrPid();
        long pcr = withPcr ? pcrFor(dts) : TsPacket.NO_PCR;
        if (withPcr) {
            lastPcrDts = dts;
        } else if (lastPcrDts != Long.MIN_VALUE && dts - lastPcrDts >= PCR_INTERVAL) {
            writePcrOnly(dts); // a slow video stream must not leave the clock unrefreshed for long
        }

        // The PES header and the first payload bytes share the first packet.
        int pos = 0;
        int total = header.length + length;
        boolean first = true;
        while (pos < total) {
            pos += writePayloadPacket(track.pid(), first, first ? pcr : TsPacket.NO_PCR, first && randomAccess,
                    header, data, offset, length, pos);
            first = false;
        }
    }

    /** An adaptation-field-only packet on the PCR PID: carries the clock, no payload, counter unchanged. */
    private void writePcrOnly(long dts) {
        int pid = pcrPid();
        long pcr = pcrFor(dts);
        byte[] p = packet;
        java.util.Arrays.fill(p, (byte) 0xFF);
        p[0] = TsPacket.SYNC_BYTE;
        p[1] = (byte) ((pid >> 8) & 0x1F);
        p[2] = (byte) pid;
        p[3] = (byte) (0x20 | ((cc[pid] - 1) & 0xF)); // no payload: repeats the last counter
        p[4] = (byte) 183;
        p[5] = 0x10;
        writePcrField(p, 6, pcr);
        sink.packet(p, 0);
        lastPcrDts = dts;
    }

    /** Writes PAT and PMT now (the muxer also does so by itself when they are due). */
    public void writeTables() {
        writeSection(0, patSection());
        writeSection(PMT_PID, pmtSection());
        tablesDue = false;
    }

    static long pcrFor(long dts) {
        long base = (dts - PCR_LEAD) & Timestamp90k.MASK;
        return base * 300;
    }

    private byte[] pesHeader(Track track, long pts, long dts, int length) {
        boolean withDts = dts != pts;
        int headerDataLength = withDts ? 10 : 5;
        byte[] h = new byte[9 + headerDataLength];
        h[2] = 1;
        h[3] = (byte) track.streamId();
        int pesLength = 3 + headerDataLength + length;
        if (!track.isVideo() && pesLength <= 0xFFFF) {
            h[4] = (byte) (pesLength >> 8);
            h[5] = (byte) pesLength;
        } // video: 0 = unbounded, ends at the next PUSI
        h[6] = (byte) 0x80;
        h[7] = (byte) (withDts ? 0xC0 : 0x80);
        h[8] = (byte) headerDataLength;
        Timestamp90k.write(h, 9, withDts ? 0x3 : 0x2, pts);
        if (withDts) {
            Timestamp90k.write(h, 14, 0x1, dts);
        }
        return h;
    }

    /**
     * Fills one packet from the virtual concatenation header‖data starting at {@code pos}; returns the number of
     * bytes it took.
     */
    private int writePayloadPacket(int pid, boolean unitStart, long pcr, boolean randomAccess,
                                   byte[] header, byte[] data, int dataOffset, int dataLength, int pos) {
        int remaining = header.length + dataLength - pos;
        int fixedAf = (pcr != TsPacket.NO_PCR || randomAccess) ? 1 + (pcr != TsPacket.NO_PCR ? 6 : 0) : 0;
        int afTotal = fixedAf > 0 ? 1 + fixedAf : 0;
        int room = 184 - afTotal;
        int take = Math.min(remaining, room);
        int stuffing = room - take;
        if (stuffing > 0) {
            if (afTotal == 0) {
                afTotal = stuffing; // just the length byte, or length + flags + 0xFF bytes
                stuffing = Math.max(0, stuffing - 2);
            } else {
                afTotal += stuffing;
            }
        }
        byte[] p = packet;
        p[0] = TsPacket.SYNC_BYTE;
        p[1] = (byte) ((unitStart ? 0x40 : 0) | ((pid >> 8) & 0x1F));
        p[2] = (byte) pid;
        p[3] = (byte) ((afTotal > 0 ? 0x30 : 0x10) | nextCc(pid));
        int w = 4;
        if (afTotal > 0) {
            p[w++] = (byte) (afTotal - 1);
            if (afTotal > 1) {
                int flags = (randomAccess ? 0x40 : 0) | (pcr != TsPacket.NO_PCR ? 0x10 : 0);
                p[w++] = (byte) flags;
                if (pcr != TsPacket.NO_PCR) {
                    writePcrField(p, w, pcr);
                    w += 6;
                }
                for (int i = 0; i < stuffing; i++) {
                    p[w++] = (byte) 0xFF;
                }
            }
        }
        for (int i = 0; i < take; i++) {
            int v = pos + i;
            p[w++] = v < header.length ? header[v] : data[dataOffset + v - header.length];
        }
        sink.packet(p, 0);
        return take;
    }

    private static void writePcrField(byte[] p, int w, long pcr) {
        long base = pcr / 300;
        int ext = (int) (pcr % 300);
        p[w] = (byte) (base >> 25);
        p[w + 1] = (byte) (base >> 17);
        p[w + 2] = (byte) (base >> 9);
        p[w + 3] = (byte) (base >> 1);
        p[w + 4] = (byte) (((base & 1) << 7) | 0x7E | (ext >> 8));
        p[w + 5] = (byte) ext;
    }

    private void writeSection(int pid, byte[] section) {
        byte[] p = packet;
        p[0] = TsPacket.SYNC_BYTE;
        p[1] = (byte) (0x40 | ((pid >> 8) & 0x1F));
        p[2] = (byte) pid;
        p[3] = (byte) (0x10 | nextCc(pid));
        p[4] = 0; // pointer_field
        System.arraycopy(section, 0, p, 5, section.length);
        for (int i = 5 + section.length; i < TsPacket.SIZE; i++) {
            p[i] = (byte) 0xFF;
        }
        sink.packet(p, 0);
    }

    private byte[] patSection() {
        byte[] s = new byte[16];
        s[0] = 0x00;
        s[1] = (byte) 0xB0;
        s[2] = 13;
        s[3] = 0;
        s[4] = 1; // transport_stream_id
        s[5] = (byte) 0xC1;
        s[8] = 0;
        s[9] = PROGRAM_NUMBER;
        s[10] = (byte) (0xE0 | (PMT_PID >> 8));
        s[11] = (byte) PMT_PID;
        withCrc(s);
        return s;
    }

    private byte[] pmtSection() {
        byte[] s = new byte[12 + 5 * tracks.size() + 4];
        int sectionLength = s.length - 3;
        int pcrPid = pcrPid();
        s[0] = 0x02;
        s[1] = (byte) (0xB0 | (sectionLength >> 8));
        s[2] = (byte) sectionLength;
        s[3] = 0;
        s[4] = PROGRAM_NUMBER;
        s[5] = (byte) (0xC1 | (pmtVersion << 1));
        s[8] = (byte) (0xE0 | (pcrPid >> 8));
        s[9] = (byte) pcrPid;
        s[10] = (byte) 0xF0;
        s[11] = 0;
        int p = 12;
        for (Track t : tracks) {
            s[p] = (byte) t.streamType();
            s[p + 1] = (byte) (0xE0 | (t.pid() >> 8));
            s[p + 2] = (byte) t.pid();
            s[p + 3] = (byte) 0xF0;
            s[p + 4] = 0;
            p += 5;
        }
        withCrc(s);
        return s;
    }

    private static void withCrc(byte[] s) {
        int crc = Crc32Mpeg.compute(s, 0, s.length - 4);
        s[s.length - 4] = (byte) (crc >> 24);
        s[s.length - 3] = (byte) (crc >> 16);
        s[s.length - 2] = (byte) (crc >> 8);
        s[s.length - 1] = (byte) crc;
    }

    private int nextCc(int pid) {
        int c = cc[pid];
        cc[pid] = (c + 1) & 0xF;
        return c;
    }
}

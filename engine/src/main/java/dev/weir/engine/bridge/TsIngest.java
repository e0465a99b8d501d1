package dev.weir.engine.bridge;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.convert.TsToFlv;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;
import dev.weir.engine.media.ts.Crc32Mpeg;
import dev.weir.engine.media.ts.ProgramAssociation;
import dev.weir.engine.media.ts.ProgramMap;
import dev.weir.engine.media.ts.TsDemuxer;
import dev.weir.engine.media.ts.TsDemuxerCounters;
import dev.weir.engine.media.ts.TsFormatException;
import dev.weir.engine.media.ts.TsPacket;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * What an SRT publisher's payloads go through: each payload is handed as received to the stream's
 * {@link TsFeed} (TS passthrough), then demuxed ({@link TsDemuxer}) and converted ({@link TsToFlv}) into the
 * hub's FLV-form messages. Along the way it notes, for the feed's late-join cache, the latest PAT and PMT packets
 * and in which payload each video keyframe's PES started (the demuxer reports a PES when the next one on its PID
 * starts, so the payload is remembered at each video PES start and confirmed by the converter's keyframe).
 *
 * <p>No I/O, single-threaded: the publisher's session thread drives it.
 */
public final class TsIngest {
    private final TsFeed feed;
    private final TsDemuxer demuxer;
    private final TsToFlv converter;
    private final byte[] packet = new byte[TsPacket.SIZE];
    private int pmtPid = -1;
    private byte[] pat;
    private byte[] pmt;
    private long currentPayload = -1;
    private long videoPesStart = -1;
    private long payloads;

    /**
     * @param context for log lines (stream key, peer)
     * @param feed    the stream's passthrough feed
     * @param out     where the hub messages go (the publication's {@code send})
     */
    public TsIngest(String context, TsFeed feed, Consumer<MediaMessage> out) {
        this.feed = feed;
        this.converter = new TsToFlv(context, message -> {
            if (message.kind() == MediaMessage.Kind.VIDEO && FlvVideoTag.roleOf(message.body()) == TagRole.KEY_FRAME
                    && videoPesStart >= 0) {
                feed.keyframeAt(videoPesStart);
            }
            out.accept(message);
        });
        this.demuxer = new TsDemuxer(converter);
    }

    /** One received SRT payload (whole or partial 188-byte packets; partial ones are left to the demuxer). */
    public void payload(byte[] data, int length) {
        byte[] copy = Arrays.copyOf(data, length);
        currentPayload = feed.append(copy);
        if (pmt != null && videoPid() < 0) feed.keyframeAt(currentPayload); // audio only: start anywhere
        int off = 0;
        while (off + TsPacket.SIZE <= length) {
            if (copy[off] != TsPacket.SYNC_BYTE) {
                demuxer.feed(copy, off, length - off); // out of sync: let the demuxer resync on the rest
                off = length;
                break;
            }
            int pid = ((copy[off + 1] & 0x1F) << 8) | (copy[off + 2] & 0xFF);
            boolean start = (copy[off + 1] & 0x40) != 0;
            if (start && pid == 0) notePat(copy, off);
            else if (start && pid == pmtPid) notePmt(copy, off);
            demuxer.feed(copy, off, TsPacket.SIZE);
            if (start && pid != 0 && pid == videoPid()) videoPesStart = currentPayload; // after the PMT was read
            off += TsPacket.SIZE;
        }
        if (off < length) demuxer.feed(copy, off, length - off);
        if (++payloads % 16 == 0) feed.continuityErrors(demuxer.counters().continuityErrors());
    }

    private int videoPid() {
        ProgramMap map = demuxer.programMap();
        if (map == null) return -1;
        for (ProgramMap.ElementaryStream s : map.streams()) {
            if (s.codec().isVideo()) return s.pid();
        }
        return -1;
    }

    /** Keeps a PAT that parses (single-packet section, CRC checked); a bad one is counted by the demuxer. */
    private void notePat(byte[] buf, int off) {
        byte[] section = section(buf, off);
        if (section == null) return;
        try {
            ProgramAssociation a = ProgramAssociation.parse(section);
            if (a.programs().isEmpty()) return;
            pmtPid = a.programs().get(0).pmtPid();
        } catch (TsFormatException e) {
            return;
        }
        pat = Arrays.copyOfRange(buf, off, off + TsPacket.SIZE);
        publishTables();
    }

    private void notePmt(byte[] buf, int off) {
        pmt = Arrays.copyOfRange(buf, off, off + TsPacket.SIZE);
        publishTables();
    }

    private void publishTables() {
        if (pat == null || pmt == null) return;
        byte[] both = new byte[2 * TsPacket.SIZE];
        System.arraycopy(pat, 0, both, 0, TsPacket.SIZE);
        System.arraycopy(pmt, 0, both, TsPacket.SIZE, TsPacket.SIZE);
        feed.tables(both);
    }

    /** The PSI section starting in this packet (single-packet sections, as PATs are), or null. */
    private static byte[] section(byte[] buf, int off) {
        int p = off + 4;
        int afc = (buf[off + 3] >> 4) & 3;
        if ((afc & 2) != 0) p += 1 + (buf[p] & 0xFF);
        if ((afc & 1) == 0) return null;
        int end = off + TsPacket.SIZE;
        if (p >= end) return null;
        p += 1 + (buf[p] & 0xFF); // pointer field
        if (p + 3 > end) return null;
        int len = ((buf[p + 1] & 0x0F) << 8) | (buf[p + 2] & 0xFF);
        if (len < 9 || p + 3 + len > end) return null; // 5 header bytes after the length, CRC, at least nothing
        if (Crc32Mpeg.compute(buf, p, 3 + len) != 0) return null; // a section with its CRC sums to 0
        return Arrays.copyOfRange(buf, p, p + 3 + len);
    }

    /** The publisher left: the last PES is completed. */
    public void end() {
        demuxer.endOfStream();
        feed.continuityErrors(demuxer.counters().continuityErrors());
    }

    public TsDemuxerCounters counters() {
        return demuxer.counters();
    }

    public TsToFlv converter() {
        return converter;
    }
}

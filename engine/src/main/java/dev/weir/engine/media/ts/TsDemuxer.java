package dev.weir.engine.media.ts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a transport stream, delivered in chunks of any size, into elementary-stream {@link AccessUnit}s.
 *
 * <p>It follows the PAT to the first program's PMT, follows PMT version changes (streams added, removed or
 * retyped), reassembles PES packets of the streams it knows ({@link TsCodec}), and puts every PTS/DTS on one
 * unwrapped 64-bit 90 kHz line. Damage is counted, never fatal: a continuity gap drops the PES it hit, a
 * duplicate packet is ignored, and garbage between packets is skipped until two sync bytes 188 apart are seen.
 *
 * <p>Free of I/O and threads; one thread feeds it. {@link #counters()} may be read from any thread.
 */
public final class TsDemuxer {

    /** Receives what the demuxer finds, on the feeding thread. */
    public interface Listener {
        void onAccessUnit(AccessUnit unit);

        /** A new or changed program map took effect (its streams are what {@code onAccessUnit} will carry). */
        default void onProgramMap(ProgramMap map) {
        }

        /** A program clock reference, in 27 MHz ticks (33-bit base × 300 + extension, not unwrapped). */
        default void onPcr(int pid, long pcr27MHz) {
        }
    }

    private final Listener listener;
    private final byte[] carry = new byte[2 * TsPacket.SIZE];
    private int carryLength;
    /** We assume the stream starts aligned; after losing sync we want two sync bytes in a row before trusting. */
    private boolean locked = true;

    private final int[] lastCc = new int[8192];
    private final PsiSection pat = new PsiSection();
    private int pmtPid = -1;
    private PsiSection pmt;
    private ProgramMap programMap;
    private final Map<Integer, Stream> streams = new HashMap<>();
    private final Timestamp90k.Unwrapper clock = new Timestamp90k.Unwrapper();

    private volatile long packets;
    private volatile long continuityErrors;
    private volatile long duplicates;
    private volatile long resyncs;
    private volatile long bytesSkipped;
    private volatile long pesDropped;
    private volatile long transportErrors;

    public TsDemuxer(Listener listener) {
        this.listener = listener;
        Arrays.fill(lastCc, -1);
    }

    /** Feeds the next bytes of the stream; complete packets are processed now, a partial one is kept. */
    public void feed(byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (carryLength > 0) {
            byte[] joined = new byte[carryLength + length];
            System.arraycopy(carry, 0, joined, 0, carryLength);
            System.arraycopy(data, offset, joined, carryLength, length);
            carryLength = 0;
            data = joined;
            offset = 0;
            length = joined.length;
        }
        int end = offset + length;
        int pos = scan(data, offset, end);
        int left = end - pos;
        if (left > carry.length) { // cannot happen: scan leaves less than two packets
            bytesSkipped += left - carry.length;
            pos = end - carry.length;
            left = carry.length;
        }
        System.arraycopy(data, pos, carry, 0, left);
        carryLength = left;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** End of input: finishes the PES packets in progress (video PES has no length, so it ends only here). */
    public void endOfStream() {
        for (Stream s : streams.values()) {
            s.assembler.flush();
        }
    }

    /** The PMT in effect, or null before the first one. */
    public ProgramMap programMap() {
        return programMap;
    }

    public TsDemuxerCounters counters() {
        long badSections = pat.badSections() + (pmt == null ? 0 : pmt.badSections());
        return new TsDemuxerCounters(packets, continuityErrors, duplicates, resyncs, bytesSkipped, pesDropped,
                transportErrors, badSections);
    }

    private int scan(byte[] b, int pos, int end) {
        while (end - pos >= TsPacket.SIZE) {
            if (b[pos] != TsPacket.SYNC_BYTE) {
                if (locked) {
                    locked = false;
                    resyncs++;
                }
                bytesSkipped++;
                pos++;
                continue;
            }
            if (!locked) {
                if (end - pos < 2 * TsPacket.SIZE) {
                    break; // wait for the next packet to confirm this sync byte
                }
                if (b[pos + TsPacket.SIZE] != TsPacket.SYNC_BYTE) {
                    bytesSkipped++;
                    pos++;
                    continue;
                }
                locked = true;
            }
            packet(b, pos);
            pos += TsPacket.SIZE;
        }
        return pos;
    }

    private void packet(byte[] b, int off) {
        packets++;
        TsPacket p;
        try {
            p = TsPacket.parse(b, off);
        } catch (TsFormatException e) {
            transportErrors++;
            return;
        }
        if (p.transportError()) {
            transportErrors++;
            return;
        }
        int pid = p.pid();
        if (pid == TsPacket.NULL_PID) {
            return;
        }
        if (p.pcr() != TsPacket.NO_PCR) {
            listener.onPcr(pid, p.pcr());
        }
        if (!p.hasPayload()) {
            return;
        }
        boolean gap = false;
        int last = lastCc[pid];
        if (last >= 0 && !p.discontinuity()) {
            if (p.continuityCounter() == last) {
                duplicates++;
                return;
            }
            if (p.continuityCounter() != ((last + 1) & 0xF)) {
                continuityErrors++;
                gap = true;
            }
        }
        lastCc[pid] = p.continuityCounter();
        if (p.scrambled()) {
            return;
        }
        if (pid == 0) {
            pat.feed(b, p.payloadOffset(), p.payloadLength(), p.payloadUnitStart(), this::onPat);
        } else if (pid == pmtPid) {
            pmt.feed(b, p.payloadOffset(), p.payloadLength(), p.payloadUnitStart(), this::onPmt);
        } else {
            Stream s = streams.get(pid);
            if (s != null) {
                s.assembler.feed(b, p.payloadOffset(), p.payloadLength(), p.payloadUnitStart(), gap,
                        p.randomAccess());
            }
        }
    }

    private void onPat(byte[] section) {
        ProgramAssociation table;
        try {
            table = ProgramAssociation.parse(section);
        } catch (TsFormatException e) {
            transportErrors++;
            return;
        }
        List<ProgramAssociation.Program> programs = table.programs();
        if (programs.isEmpty()) {
            return;
        }
        int wanted = programs.getFirst().pmtPid();
        if (wanted != pmtPid) {
            pmtPid = wanted;
            pmt = new PsiSection();
            programMap = null;
        }
    }

    private void onPmt(byte[] section) {
        ProgramMap map;
        try {
            map = ProgramMap.parse(section);
        } catch (TsFormatException e) {
            transportErrors++;
            return;
        }
        if (programMap != null && programMap.equals(map)) {
            return; // the usual periodic repeat
        }
        Map<Integer, Stream> next = new HashMap<>();
        for (ProgramMap.ElementaryStream es : map.streams()) {
            if (es.codec() == TsCodec.OTHER) {
                continue; // private data, metadata, subtitles: not ours to convert
            }
            Stream kept = streams.get(es.pid());
            next.put(es.pid(), kept != null && kept.codec == es.codec() ? kept : new Stream(es.pid(), es.codec()));
        }
        for (Map.Entry<Integer, Stream> old : streams.entrySet()) {
            if (next.get(old.getKey()) != old.getValue()) {
                old.getValue().assembler.discard();
            }
        }
        streams.clear();
        streams.putAll(next);
        programMap = map;
        listener.onProgramMap(map);
    }

    /** One elementary stream the PMT listed and we reassemble. */
    private final class Stream implements PesAssembler.Sink {
        final int pid;
        final TsCodec codec;
        final PesAssembler assembler = new PesAssembler(this);

        Stream(int pid, TsCodec codec) {
            this.pid = pid;
            this.codec = codec;
        }

        @Override
        public void complete(byte[] buf, int length, boolean randomAccess) {
            PesHeader header;
            try {
                header = PesHeader.parse(buf, length);
            } catch (TsFormatException e) {
                pesDropped++;
                return;
            }
            long pts = header.pts() == Timestamp90k.NONE ? Timestamp90k.NONE : clock.unwrap(header.pts());
            long dts = header.dts() == Timestamp90k.NONE ? pts : clock.unwrap(header.dts());
            byte[] es = Arrays.copyOfRange(buf, header.payloadOffset(), length);
            listener.onAccessUnit(new AccessUnit(pid, codec, pts, dts, randomAccess, es));
        }

        @Override
        public void dropped() {
            pesDropped++;
        }
    }
}

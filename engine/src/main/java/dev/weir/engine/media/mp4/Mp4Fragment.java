package dev.weir.engine.media.mp4;

import java.util.List;
import java.util.Map;

/**
 * Builds one {@code moof} + {@code mdat}: a {@code traf} per track with {@code tfhd} (default-base-is-moof),
 * {@code tfdt} (decode time of the first sample) and a version-1 {@code trun} giving every sample's duration,
 * size, flags and signed composition offset. The samples' bytes follow in the {@code mdat}, track after track.
 */
public final class Mp4Fragment {
    private static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x020000;
    private static final int TRUN_FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400 | 0x000800;
    /** sample_depends_on = 2 (depends on no other sample). */
    private static final long FLAGS_SYNC = 0x02000000L;
    /** sample_depends_on = 1, sample_is_non_sync_sample = 1. */
    private static final long FLAGS_NON_SYNC = 0x01010000L;

    private Mp4Fragment() {
    }

    /** @param samples per track id, in decode order; tracks with no samples are left out */
    public static byte[] build(int sequenceNumber, Map<Integer, List<Mp4Sample>> samples) {
        BoxWriter w = new BoxWriter();
        w.begin("moof");
        w.beginFull("mfhd", 0, 0).u32(sequenceNumber).end();
        int[] dataOffsetFields = new int[samples.size()];
        int i = 0;
        for (Map.Entry<Integer, List<Mp4Sample>> track : samples.entrySet()) {
            List<Mp4Sample> list = track.getValue();
            w.begin("traf");
            w.beginFull("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF).u32(track.getKey()).end();
            w.beginFull("tfdt", 1, 0).u64(list.getFirst().decodeTime()).end();
            w.beginFull("trun", 1, TRUN_FLAGS).u32(list.size());
            dataOffsetFields[i++] = w.position();
            w.u32(0);
            for (Mp4Sample s : list) {
                w.u32(s.duration()).u32(s.length()).u32(s.sync() ? FLAGS_SYNC : FLAGS_NON_SYNC)
                        .u32(s.compositionOffset() & 0xFFFFFFFFL);
            }
            w.end(); // trun
            w.end(); // traf
        }
        w.end(); // moof
        int moofSize = w.position();
        int dataStart = moofSize + 8;
        long mdatSize = 8;
        i = 0;
        for (List<Mp4Sample> list : samples.values()) {
            w.putU32(dataOffsetFields[i++], dataStart + (mdatSize - 8));
            for (Mp4Sample s : list) {
                mdatSize += s.length();
            }
        }
        w.u32(mdatSize).fourCc("mdat");
        for (List<Mp4Sample> list : samples.values()) {
            for (Mp4Sample s : list) {
                w.bytes(s.data(), s.offset(), s.length());
            }
        }
        return w.toByteArray();
    }
}

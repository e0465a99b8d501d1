package dev.weir.engine.media.ts;

/**
 * What went wrong (and how much went right) in one demuxer's input, for stream statistics.
 *
 * @param packets          transport packets read
 * @param continuityErrors continuity_counter jumps (lost or reordered packets), not counting duplicates
 * @param duplicates       packets repeated with the same counter, ignored as ISO/IEC 13818-1 allows
 * @param resyncs          times the sync byte was lost and had to be searched for
 * @param bytesSkipped     bytes thrown away while searching for sync
 * @param pesDropped       PES packets discarded: damaged by a gap, malformed header, oversize, truncated
 * @param transportErrors  packets flagged with transport_error_indicator or with a broken adaptation field
 * @param badSections      PSI sections with a wrong CRC or impossible length
 */
public record TsDemuxerCounters(long packets, long continuityErrors, long duplicates, long resyncs,
                                long bytesSkipped, long pesDropped, long transportErrors, long badSections) {
}

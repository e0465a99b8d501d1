/**
 * MPEG-2 transport stream (ISO/IEC 13818-1): the container SRT publishers and players carry.
 *
 * <p>{@link dev.weir.engine.media.ts.TsDemuxer} is given bytes (any chunking) and hands back elementary-stream
 * access units with PTS/DTS unwrapped to a monotonic 64-bit 90 kHz clock; {@link dev.weir.engine.media.ts.TsMuxer}
 * turns access units back into 188-byte packets. Both are free of I/O, threads and clocks: the caller owns the
 * socket or file. One file per syntax element: {@link dev.weir.engine.media.ts.TsPacket} (header and adaptation
 * field), {@link dev.weir.engine.media.ts.PsiSection} (section framing and CRC), {@link
 * dev.weir.engine.media.ts.ProgramAssociation} (PAT), {@link dev.weir.engine.media.ts.ProgramMap} (PMT),
 * {@link dev.weir.engine.media.ts.PesHeader} (PES header and timestamps), {@link
 * dev.weir.engine.media.ts.Timestamp90k} (33-bit clock arithmetic).
 */
package dev.weir.engine.media.ts;

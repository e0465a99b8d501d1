/**
 * Recording streams to files: {@link dev.weir.engine.record.FlvRecorder} (H.264/AAC, the classic),
 * {@link dev.weir.engine.record.Fmp4Recorder} (fragmented MP4 for H.265, AV1, VP9 and H.264),
 * {@link dev.weir.engine.record.TsRecorder} (SRT sources, the transport stream as received).
 *
 * <p>Every writer writes whole units only (FLV tags, MP4 fragments, 188-byte packets), so a file cut off by a
 * crash or a kill is playable up to its last whole unit. Writers throw {@link java.io.IOException}; a
 * {@link dev.weir.engine.record.RecordingSink} wraps one for the hub: it never throws into the publisher's
 * thread, stops the recording on the first error and reports it once through a callback.
 */
package dev.weir.engine.record;

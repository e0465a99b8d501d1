package dev.weir.engine.media.ts;

/**
 * The payload of one complete PES packet on an elementary stream: for video one access unit (a picture in
 * Annex B form), for audio one or more codec frames (ADTS frames, MPEG audio frames).
 *
 * @param pid          the elementary stream's PID
 * @param codec        what the PMT said the stream carries
 * @param pts          presentation time on the unwrapped 64-bit 90 kHz line ({@link Timestamp90k#NONE} if absent)
 * @param dts          decoding time on the same line; equals {@code pts} when the PES carried only a PTS
 * @param randomAccess the first packet's adaptation field set random_access_indicator
 * @param data         the elementary-stream bytes (owned by the receiver)
 */
public record AccessUnit(int pid, TsCodec codec, long pts, long dts, boolean randomAccess, byte[] data) {

    public boolean hasTimestamp() {
        return dts != Timestamp90k.NONE;
    }
}

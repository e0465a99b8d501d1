package dev.weir.engine.media.ts;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Groups 188-byte transport packets seven at a time into the 1316-byte payloads SRT live mode carries (the size
 * srt-live-transmit and ffmpeg use). {@link #flush()} sends a shorter group of whatever is pending.
 */
public final class SrtPayloadGrouper implements TsMuxer.PacketSink {
    public static final int PACKETS_PER_PAYLOAD = 7;
    public static final int PAYLOAD_SIZE = PACKETS_PER_PAYLOAD * TsPacket.SIZE;

    private final Consumer<byte[]> out;
    private byte[] group = new byte[PAYLOAD_SIZE];
    private int filled;

    /** @param out receives each payload; it owns the array it is given */
    public SrtPayloadGrouper(Consumer<byte[]> out) {
        this.out = Objects.requireNonNull(out);
    }

    @Override
    public void packet(byte[] buf, int offset) {
        System.arraycopy(buf, offset, group, filled, TsPacket.SIZE);
        filled += TsPacket.SIZE;
        if (filled == PAYLOAD_SIZE) {
            out.accept(group);
            group = new byte[PAYLOAD_SIZE];
            filled = 0;
        }
    }

    /** Sends the pending packets (fewer than seven) now, e.g. before a pause in the stream. */
    public void flush() {
        if (filled > 0) {
            out.accept(java.util.Arrays.copyOf(group, filled));
            filled = 0;
        }
    }
}

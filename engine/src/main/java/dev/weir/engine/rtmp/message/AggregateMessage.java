package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.chunk.RtmpMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an aggregate message (type 22, RTMP specification 7.1.6) into its sub-messages. The body is a run of
 * FLV tags: an 11-byte tag header (type, 24-bit size, 24-bit timestamp + 8-bit high byte, 24-bit stream id),
 * the data, and a 4-byte back-pointer, which is dropped. Sub-message timestamps are rebased so the first one
 * gets the aggregate's own timestamp and the others keep their offsets from it. Sub-messages carry the
 * aggregate's message stream id (the tags' own stream id field is always 0).
 */
public final class AggregateMessage {
    private AggregateMessage() {}

    private static final int TAG_HEADER = 11;
    private static final int BACK_POINTER = 4;

    public static List<RtmpMessage> split(RtmpMessage aggregate) throws MalformedMessageException {
        byte[] b = aggregate.payload();
        List<RtmpMessage> parts = new ArrayList<>();
        long firstTagTimestamp = -1;
        int at = 0;
        while (at < b.length) {
            if (b.length - at < TAG_HEADER) {
                throw new MalformedMessageException("aggregate message ends inside a sub-message header at byte " + at);
            }
            int type = b[at] & 0xFF;
            int size = ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            long tagTimestamp = ((long) (b[at + 7] & 0xFF) << 24) | ((b[at + 4] & 0xFF) << 16)
                    | ((b[at + 5] & 0xFF) << 8) | (b[at + 6] & 0xFF);
            int dataStart = at + TAG_HEADER;
            if (size > b.length - dataStart) {
                throw new MalformedMessageException("aggregate sub-message of " + size + " bytes at byte " + at
                        + " runs past the end (" + b.length + " bytes)");
            }
            if (firstTagTimestamp < 0) {
                firstTagTimestamp = tagTimestamp;
            }
            long timestamp = Math.max(0, aggregate.timestamp() + (tagTimestamp - firstTagTimestamp));
            parts.add(new RtmpMessage(aggregate.chunkStreamId(), type, aggregate.streamId(), timestamp,
                    Arrays.copyOfRange(b, dataStart, dataStart + size)));
            // the back-pointer may be missing after the last tag in some encoders' output
            at = Math.min(b.length, dataStart + size + BACK_POINTER);
        }
        return parts;
    }
}

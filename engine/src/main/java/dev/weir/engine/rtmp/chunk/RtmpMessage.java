package dev.weir.engine.rtmp.chunk;

/**
 * One RTMP message as the chunk layer assembles or splits it.
 *
 * @param chunkStreamId chunk stream it came on (or goes out on)
 * @param typeId        message type id (1 set chunk size ... 20 AMF0 command, 22 aggregate)
 * @param streamId      message stream id (0 for the connection's control stream)
 * @param timestamp     milliseconds, unwrapped to 64 bits: it keeps counting past 2^32
 * @param payload       the message body; never modified once built, so it can be shared
 */
public record RtmpMessage(int chunkStreamId, int typeId, int streamId, long timestamp, byte[] payload) {
    public RtmpMessage {
        if (chunkStreamId < 2 || chunkStreamId > ChunkHeaders.MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("chunk stream id " + chunkStreamId + " is outside 2.." + ChunkHeaders.MAX_CHUNK_STREAM_ID);
        }
    }

    public int length() {
        return payload.length;
    }
}

package dev.weir.engine.config;

/**
 * Settings of the RTMP side of the engine.
 *
 * @param listen    address to listen on: {@code :1935}, {@code 127.0.0.1:1935}, {@code [::1]:1935};
 *                  empty or {@code null} for no RTMP listener
 * @param chunkSize the chunk size Weir sends with (128..65536); peers choose their own
 */
public record RtmpSettings(String listen, int chunkSize) {
    public static final int MIN_CHUNK_SIZE = 128;
    public static final int MAX_CHUNK_SIZE = 65536;
    public static final RtmpSettings DEFAULTS = new RtmpSettings(":1935", 4096);

    public RtmpSettings {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException(
                    "chunk size must be between " + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE + ", got " + chunkSize);
        }
    }
}

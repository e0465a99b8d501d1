package dev.weir.engine.bridge;

import dev.weir.engine.hub.StreamKey;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The TS passthrough channels of the engine, one per stream whose publisher came over SRT. Opened by the SRT
 * publisher session <em>before</em> it publishes into the hub and closed after it unpublished, so a consumer that
 * sees the hub's {@code Published} and then finds no feed here knows the source is not TS (RTMP): it muxes the
 * hub's messages instead ({@code media.convert.FlvToTs}).
 */
public final class TsFeeds {
    private final ConcurrentHashMap<StreamKey, TsFeed> feeds = new ConcurrentHashMap<>();

    /** A new feed for {@code key}, or {@code null} when another SRT publisher holds one. */
    public TsFeed open(StreamKey key) {
        TsFeed feed = new TsFeed(key);
        return feeds.putIfAbsent(key, feed) == null ? feed : null;
    }

    /** The open feed of {@code key}, or {@code null} when its source is not SRT (or nobody publishes). */
    public TsFeed current(StreamKey key) {
        return feeds.get(key);
    }

    /** Ends {@code feed}: its readers get the end, and the key is free for the next SRT publisher. */
    public void close(TsFeed feed) {
        feed.close();
        feeds.remove(feed.key(), feed);
    }
}

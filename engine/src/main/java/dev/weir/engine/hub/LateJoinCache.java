package dev.weir.engine.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * What a player joining a live stream must receive before live media so it can start at once with a picture:
 * the metadata, the video and audio sequence headers, and the group of pictures since the last keyframe.
 *
 * <p>The GOP part is bounded ({@link GopCacheLimits}). When a GOP outgrows the bounds it is dropped and nothing
 * more is cached until the next keyframe; late joiners in between start with headers only and wait for that
 * keyframe like a player that skipped. Not thread-safe: its stream's lock guards it.
 */
final class LateJoinCache {
    private final GopCacheLimits limits;

    private MediaMessage metadata;
    private MediaMessage videoSequenceHeader;
    private MediaMessage audioSequenceHeader;
    private final ArrayList<MediaMessage> gop = new ArrayList<>();
    private long gopBytes;
    /** True after the current GOP outgrew the limits: cache nothing until the next keyframe. */
    private boolean overflowed;

    LateJoinCache(GopCacheLimits limits) {
        this.limits = limits;
    }

    void metadata(MediaMessage m) {
        metadata = m;
    }

    void videoSequenceHeader(MediaMessage m) {
        videoSequenceHeader = m;
    }

    void audioSequenceHeader(MediaMessage m) {
        audioSequenceHeader = m;
    }

    /** A keyframe starts a new GOP (a GOP always begins with one). */
    void keyframe(MediaMessage m) {
        gop.clear();
        gopBytes = 0;
        overflowed = false;
        append(m);
    }

    /** A coded audio or video frame after the keyframe. Before the first keyframe it is not cached. */
    void frame(MediaMessage m) {
        if (gop.isEmpty() || overflowed) return;
        append(m);
    }

    private void append(MediaMessage m) {
        if (gop.size() + 1 > limits.maxMessages() || gopBytes + m.size() > limits.maxBytes()) {
            gop.clear();
            gopBytes = 0;
            overflowed = true;
            return;
        }
        gop.add(m);
        gopBytes += m.size();
    }

    /** Forgets everything: the publisher left, the next one brings its own headers. */
    void clear() {
        metadata = null;
        videoSequenceHeader = null;
        audioSequenceHeader = null;
        gop.clear();
        gopBytes = 0;
        overflowed = false;
    }

    MediaMessage metadata() {
        return metadata;
    }

    MediaMessage videoSequenceHeader() {
        return videoSequenceHeader;
    }

    MediaMessage audioSequenceHeader() {
        return audioSequenceHeader;
    }

    /** The cached GOP, keyframe first; empty when none is cached. */
    List<MediaMessage> gop() {
        return gop;
    }

    long gopBytes() {
        return gopBytes;
    }
}

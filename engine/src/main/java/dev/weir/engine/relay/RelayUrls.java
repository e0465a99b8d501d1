package dev.weir.engine.relay;

import dev.weir.engine.config.RelaySettings.Destination;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.rtmp.client.RtmpTarget;
import dev.weir.engine.srt.options.SrtUrl;

/**
 * The relay URL rule ({@link RelayTarget}) for other callers that push a stream somewhere, such as the console's
 * test caller: the same URL sends a stream to the same place whether a relay or a test sends it.
 */
public final class RelayUrls {
    private RelayUrls() {}

    /** What to call for an {@code srt://} URL, or {@code null} when {@code url} is RTMP(S). */
    public static SrtUrl srt(String url, String streamKey) {
        return RelayTarget.resolve(new Destination(null, url), StreamKey.parse(streamKey)) instanceof RelayTarget.Srt s
                ? s.url() : null;
    }

    /** Where to publish for an {@code rtmp://} or {@code rtmps://} URL, or {@code null} when {@code url} is SRT. */
    public static RtmpTarget rtmp(String url, String streamKey) {
        return RelayTarget.resolve(new Destination(null, url), StreamKey.parse(streamKey)) instanceof RelayTarget.Rtmp r
                ? r.target() : null;
    }

    /** The URL as it may be shown: tokens, passphrases and credentials replaced by {@code ***}. */
    public static String redacted(String url) {
        return RelayTarget.resolve(new Destination(null, url), StreamKey.parse("weir/test")).redacted();
    }
}

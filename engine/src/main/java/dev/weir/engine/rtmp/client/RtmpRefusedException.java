package dev.weir.engine.rtmp.client;

import java.io.IOException;

/**
 * The server answered a client's request with an error ({@code _error} to {@code connect}, an {@code onStatus}
 * of level {@code error} to {@code publish} or {@code play}): it is reachable and speaks RTMP, but said no, and
 * {@link #status()} says exactly how.
 */
public final class RtmpRefusedException extends IOException {
    private final String request;
    private final RtmpStatus status;

    /**
     * @param who     how the message names the server ({@code destination}, {@code server})
     * @param request what was refused: {@code connect}, {@code createStream}, {@code publish}, {@code play}
     */
    public RtmpRefusedException(String who, String request, RtmpStatus status) {
        super(who + " refused " + request + ": " + status.sentence());
        this.request = request;
        this.status = status;
    }

    public String request() {
        return request;
    }

    public RtmpStatus status() {
        return status;
    }
}

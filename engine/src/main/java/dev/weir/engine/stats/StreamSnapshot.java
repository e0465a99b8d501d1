package dev.weir.engine.stats;

import java.time.Duration;

/**
 * One stream (a key such as {@code live/test}) in the hub.
 *
 * @param key                  {@code app/name}
 * @param protocol             protocol of its publisher, {@code null} while nobody publishes
 * @param publisherAddress     remote address of the publisher, {@code null} while nobody publishes
 * @param state                publishing, or idle (players waiting for a publisher)
 * @param uptime               time since the current publisher started
 * @param bytesIn              media bytes received from publishers of this key since it was created
 * @param bitrateIn            bits per second received, averaged over the last second or so
 * @param bytesOut             media bytes sent to all players
 * @param bitrateOut           bits per second sent to all players
 * @param video                video track details
 * @param audio                audio track details
 * @param keyframeIntervalSec  seconds between the last two keyframes, 0 when unknown
 * @param players              players attached now
 * @param droppedMessages      messages not delivered to slow players since the stream was created
 * @param slowPlayerDisconnects players cut off because they could not keep up
 * @param tsContinuityErrors   MPEG-TS continuity counter errors of an SRT publisher's stream (0 for RTMP sources)
 * @param recording            its recording, {@code null} when it is not and was not recorded
 */
public record StreamSnapshot(
        String key,
        Protocol protocol,
        String publisherAddress,
        StreamState state,
        Duration uptime,
        long bytesIn,
        long bitrateIn,
        long bytesOut,
        long bitrateOut,
        VideoInfo video,
        AudioInfo audio,
        double keyframeIntervalSec,
        int players,
        long droppedMessages,
        long slowPlayerDisconnects,
        long tsContinuityErrors,
        RecordingSnapshot recording) {

    public enum StreamState { PUBLISHING, IDLE }

    /** Without TS and recording details (the hub's own view; the engine adds them). */
    public StreamSnapshot(String key, Protocol protocol, String publisherAddress, StreamState state, Duration uptime,
                          long bytesIn, long bitrateIn, long bytesOut, long bitrateOut, VideoInfo video,
                          AudioInfo audio, double keyframeIntervalSec, int players, long droppedMessages,
                          long slowPlayerDisconnects) {
        this(key, protocol, publisherAddress, state, uptime, bytesIn, bitrateIn, bytesOut, bitrateOut, video, audio,
                keyframeIntervalSec, players, droppedMessages, slowPlayerDisconnects, 0, null);
    }

    /** This snapshot with the engine's TS and recording details. */
    public StreamSnapshot withIngestDetails(long continuityErrors, RecordingSnapshot rec) {
        return new StreamSnapshot(key, protocol, publisherAddress, state, uptime, bytesIn, bitrateIn, bytesOut,
                bitrateOut, video, audio, keyframeIntervalSec, players, droppedMessages, slowPlayerDisconnects,
                continuityErrors, rec);
    }
}

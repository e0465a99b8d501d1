package dev.weir.engine.rtmp.server;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.PlayerEvent;
import dev.weir.engine.hub.Subscription;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.CommandReplies;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.UserControl;

import java.io.IOException;
import java.time.Duration;

/**
 * One player's writer: drains its {@link Subscription} on its own virtual thread and writes to the socket.
 * Each {@link MediaMessage} body is written from the hub's shared array (chunk headers are this player's,
 * payload bytes are everyone's). Events that are already waiting are written as one batch and flushed once,
 * so a player that fell a little behind catches up with few system calls.
 */
final class PlayerPump implements Runnable {
    private static final int MAX_BATCH = 256;

    private final RtmpConnection connection;
    private final ConnectionOutput out;
    private final Subscription subscription;
    private final int streamId;
    private final PlayerClock clock = new PlayerClock();
    private boolean publisherPresent;
    private volatile boolean running = true;

    PlayerPump(RtmpConnection connection, ConnectionOutput out, Subscription subscription, int streamId) {
        this.connection = connection;
        this.out = out;
        this.subscription = subscription;
        this.streamId = streamId;
        this.publisherPresent = subscription.isPublished();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            while (running) {
                PlayerEvent event = subscription.take(); // stop() is followed by closing the subscription
                out.lock();
                try {
                    int batch = 0;
                    do {
                        if (!handle(event)) {
                            out.flush();
                            return;
                        }
                    } while (++batch < MAX_BATCH && running && (event = subscription.next(Duration.ZERO)) != null);
                    out.flush();
                } finally {
                    out.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (running) {
                connection.close("writing to player failed: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            connection.close("player writer failed: " + e);
        }
    }

    /** Writes one event; false when the player must be disconnected. */
    private boolean handle(PlayerEvent event) throws IOException {
        switch (event) {
            case PlayerEvent.Media(MediaMessage m) -> out.write(toRtmp(m));
            case PlayerEvent.Published p -> {
                if (!publisherPresent) {
                    publisherPresent = true;
                    clock.restart();
                    out.write(new UserControl.StreamBegin(streamId).toMessage());
                    out.write(status(CommandReplies.playPublishNotify(p.key().toString())));
                }
            }
            case PlayerEvent.Unpublished u -> {
                if (publisherPresent) {
                    publisherPresent = false;
                    out.write(status(CommandReplies.playUnpublishNotify(u.key().toString())));
                    out.write(new UserControl.StreamEof(streamId).toMessage());
                }
            }
            case PlayerEvent.Disconnected d -> {
                if (running) { // not our own closeStream/deleteStream, which closes the subscription on purpose
                    connection.close("hub disconnected the player: " + d.reason());
                }
                return false;
            }
        }
        return true;
    }

    private RtmpMessage toRtmp(MediaMessage m) {
        int csid;
        int type;
        switch (m.kind()) {
            case AUDIO -> { csid = MessageTypes.CSID_AUDIO; type = MessageTypes.AUDIO; }
            case VIDEO -> { csid = MessageTypes.CSID_VIDEO; type = MessageTypes.VIDEO; }
            default -> { csid = MessageTypes.CSID_DATA; type = MessageTypes.DATA_AMF0; }
        }
        long timestamp = clock.map(m.timestamp(), m.kind() != MediaMessage.Kind.DATA);
        return new RtmpMessage(csid, type, streamId, timestamp, m.body());
    }

    private RtmpMessage status(Command status) {
        return status.toMessage(MessageTypes.CSID_DATA, streamId);
    }
}

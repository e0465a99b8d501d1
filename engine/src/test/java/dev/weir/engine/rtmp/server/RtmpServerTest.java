package dev.weir.engine.rtmp.server;

import dev.weir.engine.config.Limits;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.hub.InMemoryStreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.rtmp.amf.Amf0Decoder;
import dev.weir.engine.rtmp.amf.Amf0Encoder;
import dev.weir.engine.rtmp.amf.AmfEcmaArray;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.Command;
import dev.weir.engine.rtmp.message.CommandReplies;
import dev.weir.engine.rtmp.message.DataMessages;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.rtmp.message.ProtocolControl;
import dev.weir.engine.rtmp.message.UserControl;
import dev.weir.engine.stats.ConnectionCounters;
import dev.weir.engine.stats.ConnectionRegistry;
import dev.weir.engine.stats.ConnectionSnapshot.Role;
import dev.weir.engine.stats.ConnectionSnapshot.State;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.testing.RawRtmpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import static dev.weir.engine.testing.Hex.bytes;
import static dev.weir.engine.testing.RawRtmpClient.statusCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server in-process with scripted clients: command flow, limits, isolation of a bad connection, stats. */
class RtmpServerTest {
    private final InMemoryStreamHub hub = new InMemoryStreamHub(Limits.DEFAULTS);
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private RtmpListener listener;

    private RtmpListener start(Limits limits) throws Exception {
        listener = new RtmpListener(new InetSocketAddress("127.0.0.1", 0), new RtmpSettings("127.0.0.1:0", 4096),
                limits, hub, registry);
        listener.start();
        return listener;
    }

    private RawRtmpClient client() throws IOException {
        return new RawRtmpClient("127.0.0.1", listener.boundAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void connectAnswersWithControlMessagesAndTheServerCapabilities() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            c.command(0, "connect", Map.of("app", "live", "objectEncoding", 3.0));

            assertEquals(new ProtocolControl.WindowAckSize(2_500_000), control(c.next()));
            assertEquals(new ProtocolControl.SetPeerBandwidth(2_500_000, 2), control(c.next()));
            assertEquals(new ProtocolControl.SetChunkSize(4096), control(c.next()));
            Command result = Command.decode(c.next());
            assertEquals("_result", result.name());
            assertEquals(1.0, result.transactionId());
            assertEquals(CommandReplies.FMS_VERSION, ((Map<?, ?>) result.commandObject()).get("fmsVer"));
            assertEquals(CommandReplies.CONNECT_SUCCESS, statusCode(result));
            assertEquals(3.0, ((Map<?, ?>) result.argument(0)).get("objectEncoding"), "objectEncoding echoed");
        }
    }

    @Test
    void anAmf3ConnectIsAnsweredLikeAnAmf0One() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            c.send(new RtmpMessage(3, MessageTypes.COMMAND_AMF3, 0, 0, bytes("""
                    00                                        // AMF3 command: format byte
                    02 0007 636f6e6e656374                    // "connect"
                    00 3ff0000000000000                       // transaction 1
                    11 0a 0b 01                               // switch to AMF3: dynamic anonymous object
                       07 617070 06 09 6c697665               //   app: "live"
                       1d 6f626a656374456e636f64696e67 04 03  //   objectEncoding: 3
                       01                                     // end of dynamic members
                    """)));

            Command result = c.awaitCommand(x -> x.name().equals("_result"));
            assertEquals(CommandReplies.CONNECT_SUCCESS, statusCode(result));
            assertEquals(3.0, ((Map<?, ?>) result.argument(0)).get("objectEncoding"));
            assertEquals(1, c.createStream());
        }
    }

    @Test
    void aggregateMessagesReachPlayersAsSeparateMessages() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient publisher = client().handshake(); RawRtmpClient player = client().handshake()) {
            player.connect("live");
            int playId = player.createStream();
            player.command(playId, "play", null, "agg");
            player.awaitCommand(x -> CommandReplies.PLAY_START.equals(statusCode(x)));
            publish(publisher, "agg");

            publisher.send(new RtmpMessage(4, MessageTypes.AGGREGATE, 1, 1000, bytes("""
                    09 000005 000064 00 000000  1701000000  00000010   // video keyframe at 100, back-pointer
                    08 000002 00008c 00 000000  af01        0000000d   // audio at 140
                    """)));

            RtmpMessage video = player.await(m -> m.typeId() == MessageTypes.VIDEO);
            RtmpMessage audio = player.await(m -> m.typeId() == MessageTypes.AUDIO);
            assertEquals("1701000000", dev.weir.engine.testing.Hex.of(video.payload()), "back-pointer stripped");
            assertEquals("af01", dev.weir.engine.testing.Hex.of(audio.payload()));
            assertEquals(40, audio.timestamp() - video.timestamp(), "sub-message spacing kept");
        }
    }

    @Test
    void anUnknownCommandGetsAnErrorAndTheSessionContinues() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            c.connect("live");
            double tx = c.command(0, "noSuchCommand", null);

            Command error = c.awaitCommand(x -> x.name().equals("_error"));
            assertEquals(tx, error.transactionId());
            assertEquals(CommandReplies.CALL_FAILED, statusCode(error));
            assertEquals(1, c.createStream(), "the session still answers");
        }
    }

    @Test
    void aSecondPublisherIsRefusedAndTheFirstKeepsPublishing() throws Exception {
        start(Limits.DEFAULTS);
        StreamKey key = new StreamKey("live", "one");
        try (RawRtmpClient first = client().handshake(); RawRtmpClient second = client().handshake()) {
            publish(first, "one");
            assertTrue(HubState.isPublished(hub, key));

            second.connect("live");
            int id = second.createStream();
            second.command(id, "publish", null, "one", "live");
            Command refused = second.awaitCommand(x -> x.name().equals("onStatus"));
            assertEquals(CommandReplies.PUBLISH_BAD_NAME, statusCode(refused));
            assertEquals("error", ((Map<?, ?>) refused.argument(0)).get("level"));

            // the first publisher's media still reaches a player
            try (RawRtmpClient player = client().handshake()) {
                player.connect("live");
                int playId = player.createStream();
                player.command(playId, "play", null, "one");
                player.awaitCommand(x -> CommandReplies.PLAY_START.equals(statusCode(x)));
                first.send(new RtmpMessage(6, MessageTypes.VIDEO, 1, 40, bytes("17 01 000000 aabb")));
                RtmpMessage video = player.await(m -> m.typeId() == MessageTypes.VIDEO);
                assertEquals("1701000000aabb", dev.weir.engine.testing.Hex.of(video.payload()));
            }
        }
    }

    @Test
    void aQueryOnTheStreamNameIsNotPartOfTheKey() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            publish(c, "tokened?token=secret123");
            assertTrue(HubState.isPublished(hub, new StreamKey("live", "tokened")));
            assertEquals("live/tokened", registry.all().iterator().next().streamKey());
        }
    }

    @Test
    void playSendsStreamBeginResetStartAndSampleAccessInOrder() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            c.connect("live");
            int id = c.createStream();
            c.command(id, "play", null, "waiting");

            RtmpMessage begin = c.await(m -> m.typeId() == MessageTypes.USER_CONTROL);
            assertEquals(new UserControl.StreamBegin(id), UserControl.decode(begin.payload()));
            assertEquals(CommandReplies.PLAY_RESET, statusCode(Command.decode(c.next())));
            assertEquals(CommandReplies.PLAY_START, statusCode(Command.decode(c.next())));
            RtmpMessage access = c.next();
            assertEquals(MessageTypes.DATA_AMF0, access.typeId());
            assertEquals("|RtmpSampleAccess", new Amf0Decoder(access.payload()).read());
        }
    }

    @Test
    void setDataFrameIsStrippedAndTheMetadataReachesPlayers() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            publish(c, "meta");
            byte[] body = new Amf0Encoder().writeAll("@setDataFrame", "onMetaData",
                    new AmfEcmaArray(Map.of("width", 640.0))).toByteArray();
            c.send(new RtmpMessage(4, MessageTypes.DATA_AMF0, 1, 0, body));

            try (RawRtmpClient player = client().handshake()) { // joins after the metadata: gets the cached copy
                player.connect("live");
                int id = player.createStream();
                player.command(id, "play", null, "meta");
                RtmpMessage metadata = player.await(m -> m.typeId() == MessageTypes.DATA_AMF0
                        && "onMetaData".equals(DataMessages.name(m.payload())));

                var decoder = new Amf0Decoder(metadata.payload());
                assertEquals("onMetaData", decoder.read(), "@setDataFrame stripped");
                assertEquals(new AmfEcmaArray(Map.of("width", 640.0)), decoder.read());
                assertEquals(id, metadata.streamId());
            }
        }
    }

    @Test
    void acknowledgesEachWindowThePeerAnnounced() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            c.connect("live");
            c.send(new ProtocolControl.WindowAckSize(5000).toMessage());
            c.send(new RtmpMessage(3, MessageTypes.DATA_AMF0, 0, 0, new Amf0Encoder().write("x".repeat(6000)).toByteArray()));

            RtmpMessage ack = c.await(m -> m.typeId() == MessageTypes.ACKNOWLEDGEMENT);
            long sequence = ((ProtocolControl.Acknowledgement) control(ack)).sequenceNumber();
            assertTrue(sequence >= 5000 + 3073, "acknowledged " + sequence + " bytes, handshake included");
        }
    }

    @Test
    void pingRequestIsAnswered() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            c.connect("live");
            c.send(new UserControl.PingRequest(77).toMessage());
            RtmpMessage pong = c.await(m -> m.typeId() == MessageTypes.USER_CONTROL);
            assertEquals(new UserControl.PingResponse(77), UserControl.decode(pong.payload()));
        }
    }

    @Test
    void malformedInputClosesOnlyThatConnection() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient good = client().handshake(); RawRtmpClient bad = client().handshake()) {
            good.connect("live");
            bad.connect("live");
            awaitConnections(2);

            bad.sendBytes(bytes("44 000028 000003 08 bbbbbb")); // fmt 1 on a chunk stream never opened

            assertTrue(bad.closedByServerWithin(Duration.ofSeconds(5)), "the bad connection was not closed");
            awaitConnections(1);
            assertEquals(1, good.createStream(), "the good connection carries on");
        }
    }

    @Test
    void oversizeMessagesAndChunkSizesCloseTheConnection() throws Exception {
        Limits small = new Limits(10, 8192, 10_000, 4, Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20, 3);
        start(small);
        try (RawRtmpClient big = client().handshake(); RawRtmpClient chunky = client().handshake();
             RawRtmpClient streams = client().handshake()) {
            big.sendBytes(bytes("06 000000 002711 09 01000000")); // a 10001-byte message
            chunky.send(new ProtocolControl.SetChunkSize(8193).toMessage());
            for (int csid = 3; csid < 8; csid++) {
                streams.send(new RtmpMessage(csid, MessageTypes.DATA_AMF0, 0, 0, bytes("05")));
            }

            assertTrue(big.closedByServerWithin(Duration.ofSeconds(5)), "message over the size limit accepted");
            assertTrue(chunky.closedByServerWithin(Duration.ofSeconds(5)), "chunk size over the limit accepted");
            assertTrue(streams.closedByServerWithin(Duration.ofSeconds(5)), "more chunk streams than the limit accepted");
        }
    }

    @Test
    void aPeerThatNeverFinishesTheHandshakeIsDropped() throws Exception {
        Limits quick = new Limits(10, 65536, 1 << 20, 8, Duration.ofMillis(500), Duration.ofSeconds(30), 1 << 20, 3);
        start(quick);
        try (RawRtmpClient silent = client()) {
            silent.sendBytes(new byte[] {3, 0, 0}); // starts C0C1, never finishes
            assertTrue(silent.closedByServerWithin(Duration.ofSeconds(10)));
        }
    }

    @Test
    void anIdlePublisherIsDropped() throws Exception {
        Limits quick = new Limits(10, 65536, 1 << 20, 8, Duration.ofSeconds(5), Duration.ofMillis(1500), 1 << 20, 3);
        start(quick);
        try (RawRtmpClient idle = client().handshake()) {
            publish(idle, "idle");
            assertTrue(idle.closedByServerWithin(Duration.ofSeconds(10)));
        }
        awaitConnections(0);
        assertFalse(HubState.isPublished(hub, new StreamKey("live", "idle")), "the idle publisher's stream was not released");
    }

    @Test
    void aPlayerThatStopsReadingIsDisconnectedAndThePublisherCarriesOn() throws Exception {
        Limits tight = new Limits(10, 65536, 1 << 20, 8, Duration.ofSeconds(5), Duration.ofMillis(1500), 256 * 1024, 2);
        start(tight);
        try (RawRtmpClient publisher = client().handshake(); RawRtmpClient stuck = client().handshake()) {
            publish(publisher, "flood");
            stuck.connect("live");
            int id = stuck.createStream();
            stuck.command(id, "play", null, "flood");
            stuck.awaitCommand(x -> CommandReplies.PLAY_START.equals(statusCode(x)));
            // from here on the player reads nothing; the publisher sends ~20 MB
            byte[] frame = new byte[60_000];
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int i = 0; registry.all().size() > 1; i++) {
                frame[0] = (byte) (i % 10 == 0 ? 0x17 : 0x27); // AVC keyframe every tenth frame, else inter frame
                frame[1] = 1;
                publisher.send(new RtmpMessage(6, MessageTypes.VIDEO, 1, i * 40L, frame));
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the player that stopped reading was never disconnected");
                }
            }
            ConnectionCounters left = registry.all().iterator().next();
            assertEquals(Role.PUBLISHER, left.role(), "the publisher stays");
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedAtAccept() throws Exception {
        Limits one = new Limits(1, 65536, 1 << 20, 8, Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20, 3);
        start(one);
        try (RawRtmpClient first = client().handshake()) {
            first.connect("live");
            try (RawRtmpClient second = client()) {
                assertTrue(second.closedByServerWithin(Duration.ofSeconds(5)));
            }
            assertEquals(1, listener.snapshot().rejected());
            assertEquals(1, listener.snapshot().accepted());
            assertEquals(ListenerState.RUNNING, listener.snapshot().state());
        }
    }

    @Test
    void countersFollowTheConnection() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            publish(c, "stats");
            ConnectionCounters counters = registry.all().iterator().next();

            assertEquals(Role.PUBLISHER, counters.role());
            assertEquals(State.PUBLISHING, counters.state());
            assertEquals("live/stats", counters.streamKey());
            assertEquals(listener.id(), counters.listenerId());
            assertTrue(counters.bytesIn() > 1537 + 1536, "bytes in: " + counters.bytesIn());
            assertTrue(counters.bytesOut() > 3073, "bytes out: " + counters.bytesOut());
        }
        awaitConnections(0);
    }

    @Test
    void closingTheListenerClosesItsConnections() throws Exception {
        start(Limits.DEFAULTS);
        try (RawRtmpClient c = client().handshake()) {
            c.connect("live");
            listener.close();
            assertTrue(c.closedByServerWithin(Duration.ofSeconds(5)));
            assertEquals(ListenerState.STOPPED, listener.snapshot().state());
        }
    }

    private void publish(RawRtmpClient c, String name) throws IOException {
        c.connect("live");
        c.command(0, "releaseStream", null, name);
        c.command(0, "FCPublish", null, name);
        int id = c.createStream();
        c.command(id, "publish", null, name, "live");
        Command status = c.awaitCommand(x -> x.name().equals("onStatus"));
        assertEquals(CommandReplies.PUBLISH_START, statusCode(status));
    }

    private static ProtocolControl control(RtmpMessage m) {
        return ProtocolControl.decode(m.typeId(), m.payload());
    }

    private void awaitConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (registry.all().size() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " open connections, have " + registry.all().size());
            }
            Thread.sleep(20);
        }
    }
}

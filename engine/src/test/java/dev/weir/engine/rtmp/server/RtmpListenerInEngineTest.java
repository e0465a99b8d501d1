package dev.weir.engine.rtmp.server;

import dev.weir.engine.ListenerException;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.rtmp.chunk.RtmpMessage;
import dev.weir.engine.rtmp.message.CommandReplies;
import dev.weir.engine.rtmp.message.MessageTypes;
import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.ListenerSnapshot.ListenerState;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.testing.RawRtmpClient;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static dev.weir.engine.testing.Hex.bytes;
import static dev.weir.engine.testing.RawRtmpClient.statusCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code RtmpListener::new} as the engine's RTMP listener factory: start, stats, stop, bind errors. */
class RtmpListenerInEngineTest {

    private static WeirEngine engine() {
        return WeirEngine.builder(EngineConfig.DEFAULTS)
                .listenerFactory(Protocol.RTMP, RtmpListener::new)
                .samplePeriod(null)
                .build();
    }

    @Test
    void theEngineRunsThePublisherThroughItsHubAndReportsIt() throws Exception {
        try (WeirEngine engine = engine()) {
            String id = engine.startRtmpListener("127.0.0.1:0");
            int port = Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
            assertTrue(port > 0, "the id names the bound port: " + id);

            try (RawRtmpClient publisher = new RawRtmpClient("127.0.0.1", port).handshake()) {
                publisher.connect("live");
                int stream = publisher.createStream();
                publisher.command(stream, "publish", null, "engine", "live");
                assertEquals(CommandReplies.PUBLISH_START,
                        statusCode(publisher.awaitCommand(c -> c.name().equals("onStatus"))));
                publisher.send(new RtmpMessage(6, MessageTypes.VIDEO, stream, 0, bytes("17 00 000000 01640028 ffe1 0000 01 0000")));

                EngineSnapshot snapshot = awaitStream(engine, "live/engine");
                ListenerSnapshot listener = snapshot.listeners().getFirst();
                assertEquals(id, listener.id());
                assertEquals(ListenerState.RUNNING, listener.state());
                assertEquals(1, listener.connections());
                ConnectionSnapshot connection = snapshot.connections().getFirst();
                assertEquals(ConnectionSnapshot.Role.PUBLISHER, connection.role());
                assertEquals("live/engine", connection.streamKey());
                assertEquals(id, connection.listenerId());
            }

            engine.stopListener(id);
            assertEquals(ListenerState.STOPPED, engine.sampleStats().listeners().getFirst().state());
        }
    }

    @Test
    void aPortInUseIsReportedForAnOperator() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            try (WeirEngine engine = engine()) {
                ListenerException e = assertThrows(ListenerException.class,
                        () -> engine.startRtmpListener("127.0.0.1:" + taken.getLocalPort()));
                assertTrue(e.getMessage().contains("already in use"), e.getMessage());
                assertEquals(ListenerState.FAILED, engine.sampleStats().listeners().getFirst().state());
            }
        }
    }

    private static EngineSnapshot awaitStream(WeirEngine engine, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            EngineSnapshot s = engine.sampleStats();
            if (s.streams().stream().anyMatch(x -> x.key().equals(key)) && !s.connections().isEmpty()) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stream " + key + " never showed in the engine's snapshot: " + s);
            }
            Thread.sleep(20);
        }
    }
}

package dev.weir.engine.relay;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.auth.AccessAction;
import dev.weir.engine.auth.DenyReason;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.testing.Ffmpeg;
import dev.weir.engine.testing.Ffprobe;
import dev.weir.engine.testing.FreePort;
import dev.weir.engine.testing.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relay loops with real engines and ffmpeg on loopback: a server relaying every stream to itself never starts that
 * relay (while a copy to another key runs and plays), and an A → B → A loop between two engines is refused by A,
 * over RTMP ({@code NetStream.Publish.Rejected}) and over SRT (reject 1508), counted as a rejection.
 */
class RelayLoopInteropIT {
    @TempDir
    Path dir;

    private static WeirEngine engine(String... relayTo) {
        return StandardListeners.engine(EngineConfig.DEFAULTS.withRelay(new RelaySettings(
                java.util.Arrays.stream(relayTo).map(RelaySettings.Destination::parse).toList())));
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long loopRefusals(WeirEngine e) {
        return e.ops().access().rejectedCount(AccessAction.PUBLISH, DenyReason.RELAY_LOOP);
    }

    private static Set<String> streamKeys(WeirEngine e) {
        return e.sampleStats().streams().stream().map(StreamSnapshot::key).collect(Collectors.toSet());
    }

    @Test
    void aRelayBackToItsOwnListenerNeverStartsAndACopyToAnotherKeyRuns() throws Exception {
        int port = FreePort.tcp();
        String self = "rtmp://127.0.0.1:" + port;
        try (WeirEngine a = engine(self + "/live",               // every stream, same key, to itself
                self + "/copy/sub/",                              // every stream to itself under a new key each round
                "live/test=" + self + "/live/copy")) {            // one stream copied to another key: no loop
            a.startRtmpListener("127.0.0.1:" + port);
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", self + "/live/test", 20)) {
                RelaySnapshot copy = RelayInteropIT.awaitRelay(a, r -> r.state() == RelaySnapshot.State.RUNNING, Duration.ofSeconds(10));
                assertEquals(self + "/live/copy", copy.destination());
                Path out = dir.resolve("copy.flv");
                try (PeerProcess reader = PeerProcess.start(dir, "reader", List.of("ffmpeg", "-hide_banner", "-nostats",
                        "-loglevel", "warning", "-y", "-i", self + "/live/copy", "-t", "5", "-c", "copy", out.toString()))) {
                    reader.awaitSuccess(Duration.ofSeconds(30));
                }
                assertTrue(Ffprobe.decodedVideoFrames(out) >= 75, "the copy plays");
                assertEquals(1, a.relaySnapshots().size(), "only the copy runs: " + a.relaySnapshots());
                assertEquals(Set.of("live/test", "live/copy"), streamKeys(a), "no stream grew out of a loop");
                assertEquals(0, loopRefusals(a), "the self loops were never started, so nothing was refused");
                assertTrue(publisher.isAlive());
            }
        }
    }

    @Test
    void anRtmpLoopThroughAnotherServerIsRefusedWhereItStarted() throws Exception {
        int portA = FreePort.tcp();
        int portB = FreePort.tcp();
        try (WeirEngine a = engine("rtmp://127.0.0.1:" + portB + "/backup/");
             WeirEngine b = engine("rtmp://127.0.0.1:" + portA + "/again/")) {
            a.startRtmpListener("127.0.0.1:" + portA);
            b.startRtmpListener("127.0.0.1:" + portB);
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + portA + "/live/x", 20)) {
                RelaySnapshot back = RelayInteropIT.awaitRelay(b, r -> r.lastError() != null, Duration.ofSeconds(15));
                assertTrue(back.lastError().contains("NetStream.Publish.Rejected"), back.lastError());
                assertTrue(loopRefusals(a) >= 1, "A counted the refusal");
                ListenerSnapshot listenerA = a.listenerSnapshots().getFirst();
                assertTrue(listenerA.rejected() >= 1, "in its listener's rejected too: " + listenerA);
                assertFalse(streamKeys(a).contains("again/x"), "the loop never came in: " + streamKeys(a));
                assertEquals(0, loopRefusals(b), "B took A's relay");

                // B has the stream from A's relay, and it plays.
                Path out = dir.resolve("from-b.flv");
                try (PeerProcess reader = PeerProcess.start(dir, "reader", List.of("ffmpeg", "-hide_banner", "-nostats",
                        "-loglevel", "warning", "-y", "-i", "rtmp://127.0.0.1:" + portB + "/backup/x", "-t", "4", "-c", "copy", out.toString()))) {
                    reader.awaitSuccess(Duration.ofSeconds(30));
                }
                assertTrue(Ffprobe.decodedVideoFrames(out) >= 50, "B plays A's relay");
                assertTrue(publisher.isAlive());
            }
        }
    }

    @Test
    void anSrtLoopThroughAnotherServerIsRefusedWith1508() throws Exception {
        int rtmpA = FreePort.tcp();
        int srtA = freeUdpPort();
        int srtB = freeUdpPort();
        try (WeirEngine a = engine("srt://127.0.0.1:" + srtB);
             WeirEngine b = engine("srt://127.0.0.1:" + srtA)) {
            a.startRtmpListener("127.0.0.1:" + rtmpA);
            a.startSrtListener("127.0.0.1:" + srtA);
            b.startSrtListener("127.0.0.1:" + srtB);
            try (PeerProcess publisher = Ffmpeg.publishTestSource(dir, "publisher", "rtmp://127.0.0.1:" + rtmpA + "/live/x", 20)) {
                RelaySnapshot back = RelayInteropIT.awaitRelay(b, r -> r.lastError() != null, Duration.ofSeconds(15));
                assertTrue(back.lastError().contains("1508"), back.lastError());
                assertTrue(loopRefusals(a) >= 1, "A counted the refusal");
                RelaySnapshot forward = RelayInteropIT.awaitRelay(a, r -> r.state() == RelaySnapshot.State.RUNNING, Duration.ofSeconds(5));
                assertEquals(0, forward.reconnects(), "A's relay to B is untouched: " + forward);
                assertTrue(streamKeys(b).contains("live/x"));
                assertTrue(publisher.isAlive());
            }
        }
    }
}

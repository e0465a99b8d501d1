package dev.weir.engine.srt.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.srt.crypto.KeyMaterialMessage;
import dev.weir.engine.srt.crypto.Passphrase;
import dev.weir.engine.srt.crypto.StreamKeys;
import dev.weir.engine.srt.packet.AckAckPacket;
import dev.weir.engine.srt.packet.AckPacket;
import dev.weir.engine.srt.packet.DataPacket;
import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.KeepAlivePacket;
import dev.weir.engine.srt.packet.KeyFlags;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import dev.weir.engine.srt.packet.SeqNo;
import dev.weir.engine.srt.packet.ShutdownPacket;
import dev.weir.engine.srt.packet.SrtPacket;
import dev.weir.engine.srt.packet.UserDefinedPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-peer smoke tests: srt-live-transmit 1.5.x (Debian srt-tools) against our handshake state machines, driven
 * by a minimal test-only UDP loop on 127.0.0.1 (no data path beyond reading what the peer sends after the
 * handshake). Fails, never skips, when srt-live-transmit is missing.
 */
class SrtHandshakeInteropIT {

    private static final String SRT_LIVE_TRANSMIT = "/usr/bin/srt-live-transmit";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long TEST_TIMEOUT_MICROS = 8_000_000;

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    @AfterEach
    void stopPeers() throws Exception {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        for (Path log : logs) {
            Files.deleteIfExists(log);
        }
    }

    private static long nowMicros() {
        return System.nanoTime() / 1000;
    }

    private Process startPeer(String... args) throws IOException {
        assertTrue(Files.isExecutable(Path.of(SRT_LIVE_TRANSMIT)), "srt-live-transmit (srt-tools) must be installed");
        Path log = Files.createTempFile("srt-live-transmit", ".log");
        logs.add(log);
        List<String> command = new ArrayList<>();
        command.add(SRT_LIVE_TRANSMIT);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    private String peerLog() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path log : logs) {
            sb.append(Files.readString(log, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** The peers' output once it contains {@code text}, or after 5 s. */
    private String waitForPeerLog(String text) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String log = peerLog();
        while (!log.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            log = peerLog();
        }
        return log;
    }

    private static int indexOf(List<String> events, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** Outcome of one run of the listener loop. */
    private record ListenerRun(NegotiatedConnection connection, List<HandshakePacket> sent, List<SrtPacket> after,
                               Map<Integer, NegotiatedConnection> connections) {
    }

    /**
     * Runs our listener state machine on a UDP socket until a connection is made and {@code packetsAfter}
     * non-handshake packets addressed to it have arrived, or a rejection was sent and the caller retried.
     */
    private ListenerRun runListener(DatagramSocket socket, ListenerHandshake listener, int packetsAfter)
            throws IOException {
        byte[] buffer = new byte[1500];
        NegotiatedConnection connection = null;
        List<HandshakePacket> sent = new ArrayList<>();
        List<SrtPacket> after = new ArrayList<>();
        Map<Integer, NegotiatedConnection> connections = new HashMap<>();
        long deadline = nowMicros() + TEST_TIMEOUT_MICROS;
        socket.setSoTimeout(200);
        while (nowMicros() < deadline && (packetsAfter <= 0 || after.size() < packetsAfter)
                && !(packetsAfter < 0 && after.stream().anyMatch(DataPacket.class::isInstance))) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                continue;
            }
            SrtPacket packet;
            try {
                packet = PacketCodec.decode(buffer, 0, datagram.getLength());
            } catch (MalformedPacketException e) {
                throw new AssertionError("srt-live-transmit sent a datagram we cannot decode: " + e.getMessage());
            }
            InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
            if (packet instanceof HandshakePacket hs) {
                for (HandshakeAction action : listener.onHandshake(hs, from, nowMicros())) {
                    switch (action) {
                        case HandshakeAction.Send send -> {
                            byte[] bytes = send.packet().toBytes();
                            socket.send(new DatagramPacket(bytes, bytes.length, send.to()));
                            sent.add(send.packet());
                        }
                        case HandshakeAction.Connected c -> {
                            connection = c.connection();
                            connections.put(connection.localSocketId(), connection);
                        }
                        case HandshakeAction.Failed f -> throw new AssertionError("listener failed: " + f);
                    }
                }
                if (packetsAfter == 0 && !sent.isEmpty()
                        && HandshakeType.isRejection(sent.get(sent.size() - 1).handshakeType())) {
                    break;
                }
            } else if (connections.containsKey(packet.destinationSocketId())) {
                after.add(packet);
            }
        }
        return new ListenerRun(connection, sent, after, connections);
    }

    @Test
    void srtLiveTransmitCallerConnectsToOurListenerAndAddressesOurSocket() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            AtomicInteger ids = new AtomicInteger(0x1000);
            List<ConnectionRequest> requests = new ArrayList<>();
            ListenerHandshake listener = new ListenerHandshake(HandshakeConfig.defaults().withLatency(200),
                    request -> {
                        requests.add(request);
                        return AcceptDecision.accept();
                    }, SynCookies.withRandomSecret(new SecureRandom()), ids::incrementAndGet, nowMicros());
            startPeer("udp://127.0.0.1:" + freeUdpPort(), "srt://127.0.0.1:" + socket.getLocalPort()
                    + "?mode=caller&streamid=live/interop&latency=120", "-v");

            ListenerRun run = runListener(socket, listener, 1);

            assertNotNull(run.connection(), () -> "handshake completed; peer log:\n" + logsSafe());
            assertEquals("live/interop", run.connection().streamId());
            assertEquals("live/interop", requests.get(0).streamId());
            assertEquals(200, run.connection().receiveLatencyMs());
            assertEquals(200, run.connection().sendLatencyMs());
            assertEquals(KmState.UNSECURED, run.connection().kmState());
            assertTrue(run.connection().peerSrtVersion() >= SrtHandshakeExtension.version(1, 5, 0));
            // The peer accepted our conclusion: its keep-alive is addressed to the socket id we handed out.
            assertEquals(1, run.after().size(), () -> "peer log:\n" + logsSafe());
            assertEquals(0x1001, run.after().get(0).destinationSocketId());
        }
    }

    @Test
    void encryptedCallerDataDecryptsWithTheNegotiatedKeys() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            ListenerHandshake listener = new ListenerHandshake(
                    HandshakeConfig.defaults().withPassphrase(Passphrase.of("interop-secret-1"), true),
                    AcceptPolicy.acceptAll(), SynCookies.withRandomSecret(new SecureRandom()),
                    new AtomicInteger(0x2222)::incrementAndGet, nowMicros());
            int input = freeUdpPort();
            startPeer("udp://127.0.0.1:" + input, "srt://127.0.0.1:" + socket.getLocalPort()
                    + "?mode=caller&passphrase=interop-secret-1&pbkeylen=32", "-v");
            byte[] payload = new byte[188];
            payload[0] = 0x47;
            Arrays.fill(payload, 1, payload.length, (byte) 0x5a);
            Thread feeder = Thread.ofPlatform().name("srt-interop-feeder").daemon().start(() -> {
                try (DatagramSocket out = new DatagramSocket()) {
                    for (int i = 0; i < 40; i++) {
                        out.send(new DatagramPacket(payload, payload.length, LOOPBACK, input));
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the test fails on its own assertions if no data arrives
                }
            });

            ListenerRun run = runListener(socket, listener, -1);   // until the first data packet
            feeder.interrupt();

            assertNotNull(run.connection(), () -> "handshake completed; peer log:\n" + logsSafe());
            DataPacket data = run.after().stream().filter(DataPacket.class::isInstance).map(DataPacket.class::cast)
                    .findFirst().orElseThrow(() -> new AssertionError("no data packet; peer log:\n" + logsSafe()));
            NegotiatedConnection connection = run.connections().get(data.destinationSocketId());
            assertEquals(KmState.SECURED, connection.kmState());
            assertEquals(32, connection.keys().keyLength().bytes());
            assertEquals(KeyFlags.EVEN, data.key());
            byte[] plain = data.payload();
            assertTrue(connection.keys().transform(data.key(), data.sequenceNumber(), plain, 0, plain.length));
            assertArrayEquals(payload, plain);
        }
    }

    private String logsSafe() {
        try {
            return peerLog();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void applicationRejectionReachesSrtLiveTransmitWithItsCode() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            ListenerHandshake listener = new ListenerHandshake(HandshakeConfig.defaults(),
                    request -> AcceptDecision.reject(RejectCode.FORBIDDEN),
                    SynCookies.withRandomSecret(new SecureRandom()), () -> 0x3333, nowMicros());
            startPeer("udp://127.0.0.1:" + freeUdpPort(), "srt://127.0.0.1:" + socket.getLocalPort()
                    + "?mode=caller&streamid=nope", "-v", "-a:no");

            ListenerRun run = runListener(socket, listener, 0);

            HandshakePacket last = run.sent().get(run.sent().size() - 1);
            assertEquals(2403, last.handshakeType());
            String log = waitForPeerLog("Application-defined rejection reason");
            assertTrue(log.contains("Application-defined rejection reason"), () -> "peer log:\n" + log);
        }
    }

    /** Outcome of one run of our caller. */
    private record CallerRun(NegotiatedConnection connection, HandshakeAction.Failed failure, SrtPacket firstAfter) {
    }

    /** Runs our caller state machine against a peer on 127.0.0.1:port until it connects and hears back, or fails. */
    private CallerRun runCaller(HandshakeConfig config, int port, int socketId) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(50);
            InetSocketAddress peer = new InetSocketAddress(LOOPBACK, port);
            long start = nowMicros();
            CallerHandshake caller = new CallerHandshake(config, peer, socketId, 12345, new SecureRandom(), start);
            List<HandshakeAction> pending = new ArrayList<>(caller.start(start));
            NegotiatedConnection connection = null;
            HandshakeAction.Failed failed = null;
            byte[] buffer = new byte[1500];
            SrtPacket firstAfter = null;
            while (nowMicros() - start < TEST_TIMEOUT_MICROS && firstAfter == null && failed == null) {
                for (HandshakeAction action : pending) {
                    switch (action) {
                        case HandshakeAction.Send send -> {
                            byte[] bytes = send.packet().toBytes();
                            socket.send(new DatagramPacket(bytes, bytes.length, send.to()));
                        }
                        case HandshakeAction.Connected c -> connection = c.connection();
                        case HandshakeAction.Failed f -> failed = f;
                    }
                }
                pending.clear();
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(datagram);
                    SrtPacket packet = PacketCodec.decode(buffer, 0, datagram.getLength());
                    if (packet instanceof HandshakePacket hs) {
                        pending.addAll(caller.onHandshake(hs, nowMicros()));
                    } else if (connection != null) {
                        firstAfter = packet;
                    }
                } catch (SocketTimeoutException e) {
                    pending.addAll(caller.onTimer(nowMicros()));
                }
            }
            return new CallerRun(connection, failed, firstAfter);
        }
    }

    @Test
    void ourCallerConnectsToSrtLiveTransmitListener() throws Exception {
        int port = freeUdpPort();
        startPeer("srt://:" + port + "?mode=listener&latency=300&passphrase=interop-secret-2", "udp://127.0.0.1:"
                + freeUdpPort(), "-v");
        CallerRun run = runCaller(HandshakeConfig.defaults().withStreamId("publish:weir")
                .withPassphrase(Passphrase.of("interop-secret-2"), true), port, 0x4444);
        String log = peerLog();
        assertEquals(null, run.failure(), () -> "peer log:\n" + log);
        NegotiatedConnection connection = run.connection();
        assertNotNull(connection, () -> "handshake completed; peer log:\n" + log);
        assertEquals(300, connection.receiveLatencyMs());
        assertEquals(300, connection.sendLatencyMs());
        assertEquals(KmState.SECURED, connection.kmState());
        assertNotNull(run.firstAfter(), () -> "the listener talks to our socket after the handshake; log:\n" + log);
        assertEquals(0x4444, run.firstAfter().destinationSocketId());
        assertTrue(log.contains("Accepted SRT"), () -> "srt-live-transmit reports the connection; log:\n" + log);
    }

    /**
     * Cases B.2, B.3, B.4 and D.4 of libsrt's enforced-encryption table with libsrt as a non-enforcing listener:
     * our caller reads libsrt's one-word KMRSP and refuses (enforced) or connects (not enforced).
     */
    @ParameterizedTest(name = "listener {0}; our caller passphrase {1}, enforced {2} -> {3}")
    @CsvSource({
            "passphrase=interop-secret-5,  interop-secret-6, true,  BADSECRET",
            "latency=120,                  interop-secret-6, true,  UNSECURE",
            "passphrase=interop-secret-5,  -,                true,  UNSECURE",
            "passphrase=interop-secret-5,  -,                false, NOSECRET",
    })
    void ourCallerReadsLibsrtKmResponse(String listenerOptions, String callerPassphrase, boolean enforced,
                                        String expected) throws Exception {
        int port = freeUdpPort();
        startPeer("srt://:" + port + "?mode=listener&enforcedencryption=false&" + listenerOptions,
                "udp://127.0.0.1:" + freeUdpPort(), "-v");
        CallerRun run = runCaller(HandshakeConfig.defaults().withPassphrase(
                callerPassphrase.equals("-") ? null : Passphrase.of(callerPassphrase), enforced), port, 0x7777);
        if (expected.equals("NOSECRET")) {
            assertNotNull(run.connection(), () -> "connected: " + run.failure() + "; log:\n" + logsSafe());
            assertEquals(KmState.NOSECRET, run.connection().kmState());
        } else {
            assertNotNull(run.failure(), () -> "our enforcing caller refuses; log:\n" + logsSafe());
            assertEquals(RejectCode.of(RejectReason.valueOf(expected)), run.failure().code());
        }
    }

    /**
     * Cases D.3 and B.3/B.4 of libsrt's enforced-encryption table with libsrt as the caller: our listener's one-word
     * KMRSP must make a non-enforcing libsrt caller connect and an enforcing one give up.
     */
    @ParameterizedTest(name = "caller {0}, our listener passphrase {1} -> connects {2}")
    @CsvSource({
            "passphrase=interop-secret-3&enforcedencryption=false, -,                true",
            "passphrase=interop-secret-3,                          -,                false",
            "enforcedencryption=true,                              interop-secret-4, false",
            "enforcedencryption=false,                             interop-secret-4, true",
    })
    void libsrtCallerFollowsOurKmResponse(String callerOptions, String listenerPassphrase, boolean connects)
            throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            HandshakeConfig config = HandshakeConfig.defaults().withPassphrase(
                    listenerPassphrase.equals("-") ? null : Passphrase.of(listenerPassphrase), false);
            ListenerHandshake listener = new ListenerHandshake(config, AcceptPolicy.acceptAll(),
                    SynCookies.withRandomSecret(new SecureRandom()), new AtomicInteger(0x5000)::incrementAndGet,
                    nowMicros());
            startPeer("udp://127.0.0.1:" + freeUdpPort(), "srt://127.0.0.1:" + socket.getLocalPort()
                    + "?mode=caller&" + callerOptions, "-v", "-a:no");
            ListenerRun run = runListener(socket, listener, 1);
            assertNotNull(run.connection(), () -> "our listener accepts; peer log:\n" + logsSafe());
            SrtPacket first = run.after().isEmpty() ? null : run.after().get(0);
            if (connects) {
                assertTrue(first instanceof KeepAlivePacket, () -> "keep-alive from a connected peer, got " + first
                        + "; log:\n" + logsSafe());
            } else {
                assertTrue(first == null || first instanceof ShutdownPacket,
                        () -> "caller refuses, got " + first + "; log:\n" + logsSafe());
            }
        }
    }

    @Test
    void ffmpegCallerWithStreamIdAndPassphraseSendsMpegTsWeCanDecrypt() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "ffmpeg (built with libsrt) must be installed");
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            List<ConnectionRequest> requests = new ArrayList<>();
            ListenerHandshake listener = new ListenerHandshake(
                    HandshakeConfig.defaults().withPassphrase(Passphrase.of("ffmpeg-secret-99"), true),
                    request -> {
                        requests.add(request);
                        return AcceptDecision.accept();
                    }, SynCookies.withRandomSecret(new SecureRandom()), new AtomicInteger(0x6000)::incrementAndGet,
                    nowMicros());
            Path log = Files.createTempFile("ffmpeg", ".log");
            logs.add(log);
            Process ffmpeg = new ProcessBuilder("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-re", "-f", "lavfi",
                    "-i", "testsrc=size=320x180:rate=25", "-t", "5", "-c:v", "libx264", "-g", "25", "-f", "mpegts",
                    "srt://127.0.0.1:" + socket.getLocalPort() + "?streamid=publish:/live/ff&passphrase=ffmpeg-secret-99"
                            + "&pbkeylen=24")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            processes.add(ffmpeg);

            ListenerRun run = runListener(socket, listener, -1);

            assertNotNull(run.connection(), () -> "handshake completed; ffmpeg log:\n" + logsSafe());
            assertEquals("publish:/live/ff", requests.get(0).streamId());
            assertTrue(requests.get(0).encrypted());
            DataPacket data = run.after().stream().filter(DataPacket.class::isInstance).map(DataPacket.class::cast)
                    .findFirst().orElseThrow(() -> new AssertionError("no data; log:\n" + logsSafe()));
            NegotiatedConnection connection = run.connections().get(data.destinationSocketId());
            assertEquals(24, connection.keys().keyLength().bytes());
            byte[] payload = data.payload();
            assertTrue(connection.keys().transform(data.key(), data.sequenceNumber(), payload, 0, payload.length));
            assertEquals(0, payload.length % 188, "whole TS packets");
            for (int i = 0; i < payload.length; i += 188) {
                assertEquals(0x47, payload[i] & 0xFF, "TS sync byte at " + i + " after decryption");
            }
        }
    }

    /**
     * libsrt's in-band key refresh (kmrefreshrate=40, kmpreannounce=10) answered by {@link KeyMaterialExchange}:
     * every data packet, before and after the switch to the odd key, must decrypt to what we fed.
     */
    @Test
    void libsrtKeyRefreshDecryptsThroughOurKeyMaterialExchange() throws Exception {
        Passphrase passphrase = Passphrase.of("refresh-secret-7");
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            ListenerHandshake listener = new ListenerHandshake(HandshakeConfig.defaults().withPassphrase(passphrase,
                    true), AcceptPolicy.acceptAll(), SynCookies.withRandomSecret(new SecureRandom()),
                    new AtomicInteger(0x7000)::incrementAndGet, nowMicros());
            int input = freeUdpPort();
            startPeer("udp://127.0.0.1:" + input, "srt://127.0.0.1:" + socket.getLocalPort()
                    + "?mode=caller&passphrase=refresh-secret-7&kmrefreshrate=40&kmpreannounce=10", "-v");
            Thread feeder = Thread.ofPlatform().name("srt-interop-feeder").daemon().start(() -> {
                try (DatagramSocket out = new DatagramSocket()) {
                    Thread.sleep(300);
                    for (int i = 0; i < 120; i++) {
                        byte[] payload = new byte[188];
                        payload[0] = 0x47;
                        Arrays.fill(payload, 1, payload.length, (byte) i);
                        out.send(new DatagramPacket(payload, payload.length, LOOPBACK, input));
                        Thread.sleep(15);
                    }
                } catch (IOException | InterruptedException e) {
                    // the assertions below fail if data is missing
                }
            });
            byte[] buffer = new byte[1500];
            socket.setSoTimeout(200);
            NegotiatedConnection connection = null;
            StreamKeys keys = null;
            List<String> events = new ArrayList<>();
            int dataPackets = 0;
            int ackNumber = 0;
            int ackAcks = 0;
            long deadline = nowMicros() + TEST_TIMEOUT_MICROS;
            while (nowMicros() < deadline && dataPackets < 100) {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(datagram);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                SrtPacket packet = PacketCodec.decode(buffer, 0, datagram.getLength());
                InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
                if (packet instanceof HandshakePacket hs) {
                    for (HandshakeAction action : listener.onHandshake(hs, from, nowMicros())) {
                        if (action instanceof HandshakeAction.Send send) {
                            byte[] bytes = send.packet().toBytes();
                            socket.send(new DatagramPacket(bytes, bytes.length, from));
                        } else if (action instanceof HandshakeAction.Connected c && connection == null) {
                            connection = c.connection();
                            keys = connection.keys();
                        }
                    }
                } else if (connection == null) {
                    continue;
                }
                if (connection == null) {
                    continue;
                } else if (packet instanceof UserDefinedPacket ext && ext.subtype() == UserDefinedPacket.SUBTYPE_KMREQ) {
                    KeyMaterialExchange.Answer answer = KeyMaterialExchange.answerKmReq(ext, keys, passphrase,
                            connection.peerSocketId(), 0);
                    keys = answer.keys();
                    events.add("KMREQ " + KeyMaterialMessage.decode(ext.body()).keys() + " after " + dataPackets);
                    byte[] bytes = answer.kmrsp().toBytes();
                    socket.send(new DatagramPacket(bytes, bytes.length, from));
                } else if (packet instanceof DataPacket data
                        && data.destinationSocketId() == connection.localSocketId()) {
                    String event = "data " + data.key();
                    if (events.isEmpty() || !events.get(events.size() - 1).startsWith(event)) {
                        events.add(event + " from " + dataPackets);
                    }
                    byte[] payload = data.payload();
                    assertTrue(keys.transform(data.key(), data.sequenceNumber(), payload, 0, payload.length),
                            () -> "key " + data.key() + " known; events " + events);
                    int index = payload[1] & 0xFF;
                    assertEquals(0x47, payload[0] & 0xFF, () -> "decrypts; events " + events);
                    assertEquals(index, payload[187] & 0xFF, () -> "decrypts; events " + events);
                    dataPackets++;
                    // libsrt regenerates keys while processing ACKs, so acknowledge like a receiver would.
                    if (dataPackets % 5 == 0) {
                        byte[] ack = AckPacket.full(++ackNumber, SeqNo.next(data.sequenceNumber()), 10_000, 5_000,
                                8000, 50, 1000, 50 * 188, 0, connection.peerSocketId()).toBytes();
                        socket.send(new DatagramPacket(ack, ack.length, from));
                    }
                } else if (packet instanceof AckAckPacket) {
                    ackAcks++;
                }
            }
            feeder.interrupt();
            assertEquals(100, dataPackets, () -> "data arrived; events " + events + "; log:\n" + logsSafe());
            assertTrue(ackAcks > 0, "libsrt answers our full ACKs with ACKACKs");
            assertTrue(events.stream().anyMatch(e -> e.startsWith("data ODD")), () -> "libsrt switched to the odd key: " + events);
        }
    }
}

package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.packet.HandshakePacket;
import dev.weir.engine.srt.packet.MalformedPacketException;
import dev.weir.engine.srt.packet.PacketCodec;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our caller and our listener connected by a simulated network with a fake clock: packets are encoded to bytes and
 * decoded again (so the wire format is exercised), take 1 ms each way, and the n-th datagram (counting both
 * directions from 0) can be dropped.
 */
final class HandshakeHarness {

    static final InetSocketAddress CALLER_ADDRESS = new InetSocketAddress("127.0.0.1", 40000);
    static final InetSocketAddress LISTENER_ADDRESS = new InetSocketAddress("127.0.0.1", 9000);
    static final long START = 1_000_000_000L;

    final CallerHandshake caller;
    final ListenerHandshake listener;
    final List<HandshakePacket> wire = new ArrayList<>();
    final List<NegotiatedConnection> listenerConnections = new ArrayList<>();
    final List<ConnectionRequest> requests = new ArrayList<>();
    NegotiatedConnection callerConnection;
    HandshakeAction.Failed callerFailure;
    long now = START;
    private final Set<Integer> drop;
    int datagrams;
    private final Deque<Runnable> inFlight = new ArrayDeque<>();

    HandshakeHarness(HandshakeConfig callerConfig, HandshakeConfig listenerConfig, AcceptPolicy policy,
                     Set<Integer> drop) {
        this.drop = drop;
        SecureRandom random = new SecureRandom(new byte[] {7});
        AtomicInteger ids = new AtomicInteger(0x2000);
        AcceptPolicy recording = request -> {
            requests.add(request);
            return policy.decide(request);
        };
        this.listener = new ListenerHandshake(listenerConfig, recording, new SynCookies(new byte[32]),
                ids::incrementAndGet, START);
        this.caller = new CallerHandshake(callerConfig, LISTENER_ADDRESS, 0x1111, 0x12345, random, START);
    }

    HandshakeHarness(HandshakeConfig callerConfig, HandshakeConfig listenerConfig) {
        this(callerConfig, listenerConfig, AcceptPolicy.acceptAll(), Set.of());
    }

    /** Runs until the caller is connected or failed, or 10 s of simulated time pass. */
    HandshakeHarness run() {
        handleCaller(caller.start(now));
        while (now < START + 10_000_000 && callerConnection == null && callerFailure == null) {
            if (!inFlight.isEmpty()) {
                now += 1_000;
                inFlight.poll().run();
                continue;
            }
            long next = caller.nextTimerMicros();
            if (next == Long.MAX_VALUE) {
                break;
            }
            now = Math.max(now, next);
            handleCaller(caller.onTimer(now));
        }
        // Let any last datagrams land (e.g. a repeated answer).
        while (!inFlight.isEmpty()) {
            now += 1_000;
            inFlight.poll().run();
        }
        return this;
    }

    private HandshakePacket transmit(HandshakePacket packet) {
        int index = datagrams++;
        if (drop.contains(index)) {
            return null;
        }
        byte[] bytes = packet.toBytes();
        try {
            HandshakePacket received = (HandshakePacket) PacketCodec.decode(bytes, 0, bytes.length);
            wire.add(received);
            return received;
        } catch (MalformedPacketException e) {
            throw new AssertionError("our own handshake does not decode: " + e.getMessage(), e);
        }
    }

    void handleCaller(List<HandshakeAction> actions) {
        for (HandshakeAction action : actions) {
            switch (action) {
                case HandshakeAction.Send send -> {
                    HandshakePacket p = transmit(send.packet());
                    if (p != null) {
                        inFlight.add(() -> handleListener(listener.onHandshake(p, CALLER_ADDRESS, now)));
                    }
                }
                case HandshakeAction.Connected c -> callerConnection = c.connection();
                case HandshakeAction.Failed f -> callerFailure = f;
            }
        }
    }

    void handleListener(List<HandshakeAction> actions) {
        for (HandshakeAction action : actions) {
            switch (action) {
                case HandshakeAction.Send send -> {
                    HandshakePacket p = transmit(send.packet());
                    if (p != null) {
                        inFlight.add(() -> handleCaller(caller.onHandshake(p, now)));
                    }
                }
                case HandshakeAction.Connected c -> listenerConnections.add(c.connection());
                case HandshakeAction.Failed f -> throw new AssertionError("listener never fails: " + f);
            }
        }
    }
}

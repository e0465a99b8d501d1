package dev.weir.engine.testing.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A seeded UDP impairment proxy on loopback, for tests: a client sends to {@link #address()}, the proxy forwards to
 * the upstream endpoint and relays the answers back to the last client address it heard from. Each direction has
 * its own {@link Impairment} and its own {@link ImpairmentModel} (seeded from the proxy's seed), so what is dropped,
 * duplicated or held back is the same on every run given the same packet order.
 *
 * <p>Threads: one named reader per direction, one named scheduler that sends delayed packets in due-time order.
 * Closing the proxy stops all three and closes both sockets.
 */
public final class ImpairmentProxy implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramChannel front;
    private final DatagramChannel back;
    /** The front port, kept: a closed socket no longer tells it, and {@link #toString} is used after closing. */
    private final int port;
    private final InetSocketAddress upstream;
    private final ImpairmentModel toUpstream;
    private final ImpairmentModel toClient;
    private final ScheduledExecutorService scheduler;
    private final Thread upstreamReader;
    private final Thread clientReader;
    private volatile SocketAddress client;
    private volatile Predicate<byte[]> droppedTowardsUpstream = datagram -> false;
    private volatile boolean closed;

    /**
     * @param upstream        where client datagrams go (e.g. the SRT listener)
     * @param towardsUpstream impairment of client → upstream packets
     * @param towardsClient   impairment of upstream → client packets
     * @param seed            seeds both directions' random decisions
     */
    public ImpairmentProxy(InetSocketAddress upstream, Impairment towardsUpstream, Impairment towardsClient, long seed)
            throws IOException {
        this.upstream = upstream;
        this.toUpstream = new ImpairmentModel(towardsUpstream, seed);
        this.toClient = new ImpairmentModel(towardsClient, seed * 31 + 17);
        this.front = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.back = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "impairment-proxy-scheduler-" + front.socket().getLocalPort());
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
        this.port = front.socket().getLocalPort();
        this.clientReader = Thread.ofPlatform().daemon().name("impairment-proxy-from-client-" + port)
                .start(() -> relay(front, true));
        this.upstreamReader = Thread.ofPlatform().daemon().name("impairment-proxy-from-upstream-" + port)
                .start(() -> relay(back, false));
    }

    /** The address clients send to. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Also drops every client → upstream datagram the rule picks, on top of the seeded impairment (e.g. "the first copy
     * of the last packets", which no loss rate can aim at). Counted as dropped.
     */
    public void dropTowardsUpstream(Predicate<byte[]> rule) {
        this.droppedTowardsUpstream = rule;
    }

    public ImpairmentCounters towardsUpstream() {
        return toUpstream.counters();
    }

    public ImpairmentCounters towardsClient() {
        return toClient.counters();
    }

    private void relay(DatagramChannel from, boolean fromClient) {
        ImpairmentModel model = fromClient ? toUpstream : toClient;
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (!closed) {
            try {
                buffer.clear();
                SocketAddress sender = from.receive(buffer);
                if (sender == null) {
                    continue;
                }
                if (fromClient) {
                    client = sender;
                }
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                ImpairmentModel.Fate fate = model.next(datagram.length == 0 ? 0 : datagram[0] & 0xFF);
                if (fate.dropped()) {
                    continue;
                }
                if (fromClient && droppedTowardsUpstream.test(datagram)) {
                    model.counters().dropped.incrementAndGet();
                    continue;
                }
                sendLater(datagram, fromClient, fate.firstDelayMs(), model.counters());
                if (fate.duplicated()) {
                    sendLater(datagram, fromClient, fate.duplicateDelayMs(), model.counters());
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    // ICMP port unreachable and the like: a UDP relay keeps going.
                    continue;
                }
                return;
            }
        }
    }

    private void sendLater(byte[] datagram, boolean towardsUpstream, int delayMs, ImpairmentCounters counters) {
        Runnable send = () -> {
            SocketAddress target = towardsUpstream ? upstream : client;
            if (target == null || closed) {
                return;
            }
            try {
                (towardsUpstream ? back : front).send(ByteBuffer.wrap(datagram), target);
                counters.forwarded.incrementAndGet();
            } catch (IOException e) {
                // The receiver may be gone; a lossy link does not care.
            }
        };
        if (delayMs == 0) {
            send.run();
        } else if (!closed) {
            scheduler.schedule(send, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        scheduler.shutdownNow();
        try {
            front.close();
        } finally {
            back.close();
        }
        try {
            clientReader.join(1000);
            upstreamReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ImpairmentProxy[" + address() + " -> " + upstream + ", to upstream: " + toUpstream.counters()
                + ", to client: " + toClient.counters() + "]";
    }
}

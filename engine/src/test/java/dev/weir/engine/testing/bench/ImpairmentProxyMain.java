package dev.weir.engine.testing.bench;

import dev.weir.engine.testing.net.Impairment;
import dev.weir.engine.testing.net.ImpairmentProxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Runs the tests' seeded {@link ImpairmentProxy} as a process for bench/srt-vs-libsrt.sh: an SRT caller sends to
 * the printed port, the proxy forwards to the listener at UPSTREAM_PORT. Both directions get DELAY_MS of delay and
 * LOSS_PERCENT random loss; loss starts with the first data packet towards the listener and after the 4 handshake
 * packets towards the caller (a libsrt caller whose handshake answer is lost cannot recover, see docs/srt-live.md),
 * as in SrtLiveInteropIT. Prints {@code port=P}, then runs until killed; prints the counters on exit.
 *
 * <pre>java ... ImpairmentProxyMain UPSTREAM_PORT LOSS_PERCENT DELAY_MS SEED</pre>
 */
public final class ImpairmentProxyMain {

    private ImpairmentProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ImpairmentProxyMain UPSTREAM_PORT LOSS_PERCENT DELAY_MS SEED");
            System.exit(2);
        }
        int upstreamPort = Integer.parseInt(args[0]);
        double loss = Double.parseDouble(args[1]);
        int delay = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Impairment data = Impairment.randomLoss(loss, Impairment.LossStart.FROM_FIRST_DATA_PACKET)
                .withDelay(delay, 0);
        Impairment control = Impairment.randomLoss(loss, new Impairment.LossStart.AfterPackets(4))
                .withDelay(delay, 0);
        ImpairmentProxy proxy = new ImpairmentProxy(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), data, control, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("towardsListener=" + proxy.towardsUpstream() + " towardsCaller="
                    + proxy.towardsClient());
            System.out.flush();
        }, "impairment-proxy-report"));
        System.out.println("port=" + proxy.address().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}

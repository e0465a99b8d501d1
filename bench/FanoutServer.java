import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.rtmp.server.RtmpListener;
import dev.weir.engine.stats.Protocol;

import java.util.concurrent.CountDownLatch;

/**
 * What bench/fanout.sh runs for Weir's half while `weir server` does not yet register the RTMP listener factory
 * (branch bridge wires it): the same engine as `weir server`, with one RTMP listener on the address given.
 * Compiled by the script; the logging is the application's logback, at warn.
 */
public final class FanoutServer {
    public static void main(String[] args) throws Exception {
        // As `weir server -log-level warn`: no line per player joining.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        EngineConfig defaults = EngineConfig.DEFAULTS;
        EngineConfig config = new EngineConfig(new RtmpSettings(args[0], defaults.rtmp().chunkSize()), defaults.limits());
        try (WeirEngine engine = WeirEngine.builder(config).listenerFactory(Protocol.RTMP, RtmpListener::new).build()) {
            System.out.println("weir: RTMP listening on " + engine.startRtmpListener(args[0]));
            new CountDownLatch(1).await();
        }
    }
}

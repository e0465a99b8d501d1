package dev.weir.engine;

import dev.weir.engine.rtmp.server.RtmpListener;
import dev.weir.engine.srt.server.SrtServerListener;
import dev.weir.engine.stats.Protocol;

/**
 * The protocols Weir ships, registered on an engine builder. {@link WeirEngine} itself knows no protocol classes;
 * its callers ({@code weir server}, the console, tests) build it with {@code StandardListeners.register(
 * WeirEngine.builder(config)).build()}.
 */
public final class StandardListeners {
    private StandardListeners() {}

    /** RTMP, RTMPS and SRT listener factories on {@code builder}. */
    public static WeirEngine.Builder register(WeirEngine.Builder builder) {
        return builder
                .listenerFactory(Protocol.RTMP, RtmpListener::new)
                .listenerFactory(Protocol.RTMPS, RtmpListener::rtmps)
                .listenerFactory(Protocol.SRT, SrtServerListener::new);
    }

    /** An engine with every standard listener available. */
    public static WeirEngine engine(dev.weir.engine.config.EngineConfig config) {
        return register(WeirEngine.builder(config)).build();
    }
}

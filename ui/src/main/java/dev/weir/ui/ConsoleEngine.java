package dev.weir.ui;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.rtmp.server.RtmpListener;
import dev.weir.engine.stats.Protocol;

/**
 * The engine the console runs when nobody hands it one: the protocols the console has listener rows for (RTMP so
 * far), registered through the engine's listener seam.
 */
public final class ConsoleEngine {
    private ConsoleEngine() {}

    public static WeirEngine create(EngineConfig config) {
        return WeirEngine.builder(config)
                .listenerFactory(Protocol.RTMP, RtmpListener::new)
                .build();
    }
}

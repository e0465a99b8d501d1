package dev.weir.ui.listeners;

import dev.weir.engine.ListenerException;
import dev.weir.engine.WeirEngine;

/**
 * The part of the engine the listeners pane drives. Both calls may block (binding, name resolution), so the
 * view model only calls them off the FX thread.
 */
public interface ListenerControl {

    /** Starts an RTMP listener and returns its id, as in {@code ListenerSnapshot.id}. */
    String startRtmp(String address) throws ListenerException;

    /** Stops the listener; unknown ids are ignored. */
    void stop(String listenerId);

    static ListenerControl of(WeirEngine engine) {
        return new ListenerControl() {
            @Override
            public String startRtmp(String address) throws ListenerException {
                return engine.startRtmpListener(address);
            }

            @Override
            public void stop(String listenerId) {
                engine.stopListener(listenerId);
            }
        };
    }
}

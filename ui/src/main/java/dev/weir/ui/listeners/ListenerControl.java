package dev.weir.ui.listeners;

import dev.weir.engine.ListenerException;
import dev.weir.engine.stats.Protocol;
import dev.weir.ui.engine.EngineControl;

/**
 * The part of the engine the listener rows drive. Both calls may block (binding, name resolution), so the
 * view model only calls them off the FX thread.
 */
public interface ListenerControl {

    /** Starts a listener and returns its id, as in {@code ListenerSnapshot.id}. */
    String start(Protocol protocol, String address) throws ListenerException;

    /** Stops the listener; unknown ids are ignored. */
    void stop(String listenerId);

    /** For rows that only show a remote server's listener: nothing may be started or stopped. */
    ListenerControl READ_ONLY = new ListenerControl() {
        @Override
        public String start(Protocol protocol, String address) throws ListenerException {
            throw new ListenerException("a remote server's listeners cannot be started from this console");
        }

        @Override
        public void stop(String listenerId) {
            throw new IllegalStateException("a remote server's listeners cannot be stopped from this console");
        }
    };

    static ListenerControl of(EngineControl engine) {
        return new ListenerControl() {
            @Override
            public String start(Protocol protocol, String address) throws ListenerException {
                return engine.startListener(protocol, address);
            }

            @Override
            public void stop(String listenerId) {
                engine.stopListener(listenerId);
            }
        };
    }
}

package dev.weir.engine.stats;

/**
 * One listener as the engine saw it when the snapshot was taken.
 *
 * @param id          stable identifier, e.g. {@code rtmp:0.0.0.0:1935}
 * @param protocol    what it speaks
 * @param address     the address it is bound to (or asked to bind to when not running)
 * @param state       running, stopped or failed
 * @param lastError   the operator-readable reason of the last failure, or {@code null}
 * @param connections connections open right now
 * @param accepted    connections accepted since start
 * @param rejected    connection attempts refused (limits, access control, bad handshakes) since start
 */
public record ListenerSnapshot(
        String id,
        Protocol protocol,
        String address,
        ListenerState state,
        String lastError,
        int connections,
        long accepted,
        long rejected) {

    public enum ListenerState { STARTING, RUNNING, STOPPED, FAILED }
}

package dev.weir.engine.srt.options;

/** Who opens an SRT connection. libsrt also accepts "client" for caller and "server" for listener. */
public enum SrtMode {
    /** Sends the first handshake to a listening peer. */
    CALLER,
    /** Waits for callers on a bound port. */
    LISTENER,
    /** Both sides call each other at once (NAT traversal). Parsed so that it can be refused clearly. */
    RENDEZVOUS
}

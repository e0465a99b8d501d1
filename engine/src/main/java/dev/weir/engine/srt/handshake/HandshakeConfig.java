package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.crypto.KeyLength;
import dev.weir.engine.srt.crypto.Passphrase;
import java.time.Duration;
import java.util.Objects;

/**
 * One side's handshake settings (the subset of libsrt socket options the handshake carries).
 *
 * @param receiveLatencyMs   {@code rcvlatency}: TSBPD delay this side applies when receiving
 * @param peerLatencyMs      {@code peerlatency}: minimum TSBPD delay this side asks of the peer's receiver
 * @param passphrase         null for no encryption
 * @param keyLength          {@code pbkeylen}, used when this side generates keys (the caller)
 * @param enforcedEncryption {@code enforcedencryption} (libsrt default true)
 * @param mss                maximum segment size in bytes, IP and UDP headers included (default 1500)
 * @param flowWindow         flow control window in packets (default 8192)
 * @param streamId           caller only: stream id to send (null for none), at most 512 UTF-8 bytes
 * @param connectTimeout     caller only: give up after this long (libsrt default 3 s)
 */
public record HandshakeConfig(int receiveLatencyMs, int peerLatencyMs, Passphrase passphrase, KeyLength keyLength,
                              boolean enforcedEncryption, int mss, int flowWindow, String streamId,
                              Duration connectTimeout) {

    public static final int DEFAULT_LATENCY_MS = 120;

    public HandshakeConfig {
        Objects.requireNonNull(keyLength, "keyLength");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (receiveLatencyMs < 0 || receiveLatencyMs > 0xFFFF || peerLatencyMs < 0 || peerLatencyMs > 0xFFFF) {
            throw new IllegalArgumentException("latency must be 0..65535 ms, got " + receiveLatencyMs + "/"
                    + peerLatencyMs);
        }
        if (mss < 76 || mss > 1500) {
            throw new IllegalArgumentException("mss must be 76..1500 bytes, got " + mss);
        }
        if (flowWindow < 32) {
            throw new IllegalArgumentException("flow window must be at least 32 packets, got " + flowWindow);
        }
        if (streamId != null) {
            WordSwappedString.encode(streamId, WordSwappedString.MAX_STREAM_ID_BYTES);
        }
    }

    /** libsrt's defaults: 120 ms both ways, no passphrase, AES-128, enforced encryption, 1500 / 8192, 3 s. */
    public static HandshakeConfig defaults() {
        return new HandshakeConfig(DEFAULT_LATENCY_MS, DEFAULT_LATENCY_MS, null, KeyLength.AES_128, true, 1500, 8192,
                null, Duration.ofSeconds(3));
    }

    public HandshakeConfig withLatency(int ms) {
        return new HandshakeConfig(ms, ms, passphrase, keyLength, enforcedEncryption, mss, flowWindow, streamId,
                connectTimeout);
    }

    public HandshakeConfig withPassphrase(Passphrase value, boolean enforced) {
        return new HandshakeConfig(receiveLatencyMs, peerLatencyMs, value, keyLength, enforced, mss, flowWindow,
                streamId, connectTimeout);
    }

    public HandshakeConfig withKeyLength(KeyLength value) {
        return new HandshakeConfig(receiveLatencyMs, peerLatencyMs, passphrase, value, enforcedEncryption, mss,
                flowWindow, streamId, connectTimeout);
    }

    public HandshakeConfig withStreamId(String value) {
        return new HandshakeConfig(receiveLatencyMs, peerLatencyMs, passphrase, keyLength, enforcedEncryption, mss,
                flowWindow, value, connectTimeout);
    }

    public HandshakeConfig withConnectTimeout(Duration value) {
        return new HandshakeConfig(receiveLatencyMs, peerLatencyMs, passphrase, keyLength, enforcedEncryption, mss,
                flowWindow, streamId, value);
    }
}

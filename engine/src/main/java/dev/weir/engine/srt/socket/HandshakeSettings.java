package dev.weir.engine.srt.socket;

import dev.weir.engine.srt.crypto.KeyLength;
import dev.weir.engine.srt.handshake.HandshakeConfig;
import dev.weir.engine.srt.options.SrtOptions;
import java.time.Duration;

/** The part of {@link SrtOptions} the handshake carries, in the handshake package's terms. */
final class HandshakeSettings {

    private HandshakeSettings() {
    }

    static HandshakeConfig from(SrtOptions options) {
        return new HandshakeConfig(options.receiverLatencyMs(), options.peerLatencyMs(), options.passphrase(),
                KeyLength.ofBytes(options.effectiveKeyLength()), options.enforcedEncryption(), options.mss(),
                options.flowWindowPackets(), options.streamId().isEmpty() ? null : options.streamId(),
                Duration.ofMillis(options.connectTimeoutMs()));
    }
}

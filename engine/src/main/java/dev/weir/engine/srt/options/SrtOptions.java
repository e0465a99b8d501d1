package dev.weir.engine.srt.options;

import dev.weir.engine.srt.crypto.Passphrase;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Everything that configures one SRT socket, with libsrt's names (in the javadoc, as {@code SRTO_*} and as the
 * {@code srt://} URL key), libsrt's units (milliseconds, bytes, bytes per second, packets) and libsrt's defaults
 * for live mode. Build one with {@link #builder()} or parse it from a URL with {@link SrtUrl#parse}; either way
 * {@link Builder#build()} validates every field and every cross-field rule, so an {@code SrtOptions} in hand is
 * always usable.
 *
 * <p>Only live transmission is supported: options that would select file mode, the stream API, rendezvous or
 * a packet filter are refused by the builder with an {@link SrtOptionException} that says so.
 *
 * @param mode                  {@code mode}: caller or listener (rendezvous is refused)
 * @param receiverLatencyMs     {@code rcvlatency} (SRTO_RCVLATENCY), ms of TSBPD delay this side asks for as receiver
 * @param peerLatencyMs         {@code peerlatency} (SRTO_PEERLATENCY), ms of delay this side asks the peer to use
 * @param passphrase            {@code passphrase} (SRTO_PASSPHRASE), null when not encrypted
 * @param keyLength             {@code pbkeylen} (SRTO_PBKEYLEN): 0 (sender picks 16), 16, 24 or 32 bytes
 * @param streamId              {@code streamid} (SRTO_STREAMID), at most 512 bytes; empty when not set
 * @param connectTimeoutMs      {@code conntimeo} (SRTO_CONNTIMEO)
 * @param peerIdleTimeoutMs     {@code peeridletimeo} (SRTO_PEERIDLETIMEO): silence after which the peer is gone
 * @param flowWindowPackets     {@code fc} (SRTO_FC): packets in flight at most (libsrt counts packets, not bytes)
 * @param mss                   {@code mss} (SRTO_MSS): largest IP datagram, bytes
 * @param payloadSize           {@code payloadsize} (SRTO_PAYLOADSIZE): largest message payload, bytes
 * @param tooLatePacketDrop     {@code tlpktdrop} (SRTO_TLPKTDROP)
 * @param periodicNak           {@code nakreport} (SRTO_NAKREPORT)
 * @param kmRefreshRatePackets  {@code kmrefreshrate} (SRTO_KMREFRESHRATE), 0 = libsrt default (2^24)
 * @param kmPreAnnouncePackets  {@code kmpreannounce} (SRTO_KMPREANNOUNCE), 0 = libsrt default
 * @param enforcedEncryption    {@code enforcedencryption} (SRTO_ENFORCEDENCRYPTION)
 * @param lossMaxTtlPackets     {@code lossmaxttl} (SRTO_LOSSMAXTTL): reorder tolerance in packets, 0 = off
 * @param maxBandwidth          {@code maxbw} (SRTO_MAXBW), bytes/s: -1 = no limit (1 Gbit/s cap), 0 = derived
 *                              from the input rate, &gt;0 = absolute
 * @param inputBandwidth        {@code inputbw} (SRTO_INPUTBW), bytes/s: 0 = estimate it
 * @param minInputBandwidth     {@code mininputbw} (SRTO_MININPUTBW), bytes/s: floor of the estimate
 * @param overheadPercent       {@code oheadbw} (SRTO_OHEADBW): retransmission budget above the input rate, 5..100
 * @param senderDropDelayMs     {@code snddropdelay} (SRTO_SNDDROPDELAY): extra ms the sender waits before
 *                              dropping too-late packets; -1 = the sender never drops
 * @param sendBufferBytes       {@code sndbuf} (SRTO_SNDBUF)
 * @param receiveBufferBytes    {@code rcvbuf} (SRTO_RCVBUF)
 * @param driftTracer           {@code drifttracer} (SRTO_DRIFTTRACER)
 * @param ipTos                 {@code iptos} (SRTO_IPTOS): -1 = system default
 */
public record SrtOptions(SrtMode mode, int receiverLatencyMs, int peerLatencyMs, Passphrase passphrase,
                         int keyLength, String streamId, int connectTimeoutMs, int peerIdleTimeoutMs,
                         int flowWindowPackets, int mss, int payloadSize, boolean tooLatePacketDrop,
                         boolean periodicNak, int kmRefreshRatePackets, int kmPreAnnouncePackets,
                         boolean enforcedEncryption, int lossMaxTtlPackets, long maxBandwidth, long inputBandwidth,
                         long minInputBandwidth, int overheadPercent, int senderDropDelayMs, int sendBufferBytes,
                         int receiveBufferBytes, boolean driftTracer, int ipTos) {

    public static final int DEFAULT_LATENCY_MS = 120;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 3000;
    public static final int DEFAULT_PEER_IDLE_TIMEOUT_MS = 5000;
    public static final int DEFAULT_FLOW_WINDOW_PACKETS = 25600;
    public static final int MIN_FLOW_WINDOW_PACKETS = 32;
    public static final int DEFAULT_MSS = 1500;
    /** UDP (8) + IPv4 (20) headers, which libsrt subtracts from the MSS. */
    public static final int UDP_IP_HEADER_SIZE = 28;
    /** The SRT data packet header. */
    public static final int SRT_HEADER_SIZE = 16;
    /** SRT_LIVE_DEF_PLSIZE: 7 MPEG-TS packets. */
    public static final int DEFAULT_PAYLOAD_SIZE = 1316;
    /** SRT_LIVE_MAX_PLSIZE: 1500 - 28 - 16. */
    public static final int MAX_PAYLOAD_SIZE = 1456;
    /** The smallest MSS libsrt accepts: UDP/IP header plus a handshake (48 bytes of content). */
    public static final int MIN_MSS = 76;
    public static final int MAX_STREAM_ID_BYTES = 512;
    public static final int DEFAULT_KM_REFRESH_RATE = 0x100_0000;
    public static final int DEFAULT_KM_PRE_ANNOUNCE = 0x1000;
    public static final int DEFAULT_OVERHEAD_PERCENT = 25;
    /** libsrt's default buffers: 8192 packets of (1500 - 28) bytes. */
    public static final int DEFAULT_BUFFER_BYTES = 8192 * (DEFAULT_MSS - UDP_IP_HEADER_SIZE);

    public SrtOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(streamId, "streamId");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** libsrt's live-mode defaults for a caller. */
    public static SrtOptions defaults() {
        return builder().build();
    }

    /** A builder holding this record's values, to change a few. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public boolean encrypted() {
        return passphrase != null;
    }

    /** The key length a sender uses: {@code pbkeylen}, or 16 (AES-128) when it is 0. */
    public int effectiveKeyLength() {
        return keyLength == 0 ? 16 : keyLength;
    }

    /** Packets sent with one key before the next key takes over (libsrt resolves 0 to 2^24). */
    public int effectiveKmRefreshRate() {
        return kmRefreshRatePackets == 0 ? DEFAULT_KM_REFRESH_RATE : kmRefreshRatePackets;
    }

    /**
     * Packets before (and after) a key switch at which the new key is announced (and the old one retired). As libsrt:
     * 0 means 0x1000 when the refresh rate is default too, and half the refresh rate when only that was set.
     */
    public int effectiveKmPreAnnounce() {
        if (kmPreAnnouncePackets != 0) {
            return kmPreAnnouncePackets;
        }
        return kmRefreshRatePackets == 0 ? DEFAULT_KM_PRE_ANNOUNCE : (effectiveKmRefreshRate() - 1) / 2;
    }

    /** Largest payload the MSS allows: MSS minus UDP/IP and SRT headers. */
    public int maxPayloadForMss() {
        return mss - UDP_IP_HEADER_SIZE - SRT_HEADER_SIZE;
    }

    /** Receive buffer capacity in packets (libsrt sizes it in MSS-sized units). */
    public int receiveBufferPackets() {
        return Math.max(MIN_FLOW_WINDOW_PACKETS, receiveBufferBytes / (mss - UDP_IP_HEADER_SIZE));
    }

    /** Send buffer capacity in packets. */
    public int sendBufferPackets() {
        return Math.max(MIN_FLOW_WINDOW_PACKETS, sendBufferBytes / (mss - UDP_IP_HEADER_SIZE));
    }

    @Override
    public String toString() {
        // Written out so the passphrase never appears (Passphrase.toString is redacted anyway).
        return "SrtOptions[mode=" + mode + ", rcvlatency=" + receiverLatencyMs + ", peerlatency=" + peerLatencyMs
                + ", encrypted=" + encrypted() + ", pbkeylen=" + keyLength + ", streamid=" + streamId
                + ", conntimeo=" + connectTimeoutMs + ", peeridletimeo=" + peerIdleTimeoutMs
                + ", fc=" + flowWindowPackets + ", mss=" + mss + ", payloadsize=" + payloadSize
                + ", tlpktdrop=" + tooLatePacketDrop + ", nakreport=" + periodicNak
                + ", kmrefreshrate=" + kmRefreshRatePackets + ", kmpreannounce=" + kmPreAnnouncePackets
                + ", enforcedencryption=" + enforcedEncryption + ", lossmaxttl=" + lossMaxTtlPackets
                + ", maxbw=" + maxBandwidth + ", inputbw=" + inputBandwidth + ", mininputbw=" + minInputBandwidth
                + ", oheadbw=" + overheadPercent + ", snddropdelay=" + senderDropDelayMs + ", sndbuf="
                + sendBufferBytes + ", rcvbuf=" + receiveBufferBytes + ", drifttracer=" + driftTracer
                + ", iptos=" + ipTos + "]";
    }

    /** Mutable holder whose {@link #build()} validates like libsrt's option setters do. */
    public static final class Builder {
        private SrtMode mode = SrtMode.CALLER;
        private int receiverLatencyMs = DEFAULT_LATENCY_MS;
        private int peerLatencyMs = DEFAULT_LATENCY_MS;
        private Passphrase passphrase;
        private int keyLength;
        private String streamId = "";
        private int connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
        private int peerIdleTimeoutMs = DEFAULT_PEER_IDLE_TIMEOUT_MS;
        private int flowWindowPackets = DEFAULT_FLOW_WINDOW_PACKETS;
        private int mss = DEFAULT_MSS;
        private int payloadSize = DEFAULT_PAYLOAD_SIZE;
        private boolean tooLatePacketDrop = true;
        private boolean periodicNak = true;
        private int kmRefreshRatePackets;
        private int kmPreAnnouncePackets;
        private boolean enforcedEncryption = true;
        private int lossMaxTtlPackets;
        private long maxBandwidth = -1;
        private long inputBandwidth;
        private long minInputBandwidth;
        private int overheadPercent = DEFAULT_OVERHEAD_PERCENT;
        private int senderDropDelayMs;
        private int sendBufferBytes = DEFAULT_BUFFER_BYTES;
        private int receiveBufferBytes = DEFAULT_BUFFER_BYTES;
        private boolean driftTracer = true;
        private int ipTos = -1;

        private Builder() {
        }

        private Builder(SrtOptions o) {
            mode = o.mode;
            receiverLatencyMs = o.receiverLatencyMs;
            peerLatencyMs = o.peerLatencyMs;
            passphrase = o.passphrase;
            keyLength = o.keyLength;
            streamId = o.streamId;
            connectTimeoutMs = o.connectTimeoutMs;
            peerIdleTimeoutMs = o.peerIdleTimeoutMs;
            flowWindowPackets = o.flowWindowPackets;
            mss = o.mss;
            payloadSize = o.payloadSize;
            tooLatePacketDrop = o.tooLatePacketDrop;
            periodicNak = o.periodicNak;
            kmRefreshRatePackets = o.kmRefreshRatePackets;
            kmPreAnnouncePackets = o.kmPreAnnouncePackets;
            enforcedEncryption = o.enforcedEncryption;
            lossMaxTtlPackets = o.lossMaxTtlPackets;
            maxBandwidth = o.maxBandwidth;
            inputBandwidth = o.inputBandwidth;
            minInputBandwidth = o.minInputBandwidth;
            overheadPercent = o.overheadPercent;
            senderDropDelayMs = o.senderDropDelayMs;
            sendBufferBytes = o.sendBufferBytes;
            receiveBufferBytes = o.receiveBufferBytes;
            driftTracer = o.driftTracer;
            ipTos = o.ipTos;
        }

        public Builder mode(SrtMode v) {
            if (v == SrtMode.RENDEZVOUS) {
                throw new SrtOptionException("mode", "'rendezvous' is not supported by Weir; use caller or listener");
            }
            mode = Objects.requireNonNull(v);
            return this;
        }

        /** SRTO_LATENCY: sets both the receiver latency and the latency asked of the peer. */
        public Builder latencyMs(int v) {
            requireNonNegative("latency", v);
            receiverLatencyMs = v;
            peerLatencyMs = v;
            return this;
        }

        public Builder receiverLatencyMs(int v) {
            receiverLatencyMs = requireNonNegative("rcvlatency", v);
            return this;
        }

        public Builder peerLatencyMs(int v) {
            peerLatencyMs = requireNonNegative("peerlatency", v);
            return this;
        }

        /** Null or empty clears it (as libsrt's empty SRTO_PASSPHRASE does). */
        public Builder passphrase(String v) {
            if (v == null || v.isEmpty()) {
                passphrase = null;
                return this;
            }
            try {
                passphrase = Passphrase.of(v);
            } catch (IllegalArgumentException e) {
                // The crypto layer's message gives the length, never the text.
                throw new SrtOptionException("passphrase", "is invalid: " + e.getMessage());
            }
            return this;
        }

        public Builder keyLength(int v) {
            if (v != 0 && v != 16 && v != 24 && v != 32) {
                throw new SrtOptionException("pbkeylen", "must be 0, 16, 24 or 32 (bytes of AES key), got " + v);
            }
            keyLength = v;
            return this;
        }

        public Builder streamId(String v) {
            Objects.requireNonNull(v, "streamId");
            int bytes = v.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_STREAM_ID_BYTES) {
                throw new SrtOptionException("streamid",
                        "is " + bytes + " bytes long; at most " + MAX_STREAM_ID_BYTES + " are allowed");
            }
            streamId = v;
            return this;
        }

        public Builder connectTimeoutMs(int v) {
            connectTimeoutMs = requireNonNegative("conntimeo", v);
            return this;
        }

        public Builder peerIdleTimeoutMs(int v) {
            peerIdleTimeoutMs = requireNonNegative("peeridletimeo", v);
            return this;
        }

        public Builder flowWindowPackets(int v) {
            if (v < MIN_FLOW_WINDOW_PACKETS) {
                throw new SrtOptionException("fc",
                        "must be at least " + MIN_FLOW_WINDOW_PACKETS + " packets, got " + v);
            }
            flowWindowPackets = v;
            return this;
        }

        public Builder mss(int v) {
            if (v < MIN_MSS || v > DEFAULT_MSS) {
                throw new SrtOptionException("mss", "must be " + MIN_MSS + ".." + DEFAULT_MSS + " bytes, got " + v);
            }
            mss = v;
            return this;
        }

        public Builder payloadSize(int v) {
            if (v <= 0 || v > MAX_PAYLOAD_SIZE) {
                throw new SrtOptionException("payloadsize",
                        "must be 1.." + MAX_PAYLOAD_SIZE + " bytes in live mode, got " + v);
            }
            payloadSize = v;
            return this;
        }

        public Builder tooLatePacketDrop(boolean v) {
            tooLatePacketDrop = v;
            return this;
        }

        public Builder periodicNak(boolean v) {
            periodicNak = v;
            return this;
        }

        public Builder kmRefreshRatePackets(int v) {
            kmRefreshRatePackets = requireNonNegative("kmrefreshrate", v);
            return this;
        }

        public Builder kmPreAnnouncePackets(int v) {
            kmPreAnnouncePackets = requireNonNegative("kmpreannounce", v);
            return this;
        }

        public Builder enforcedEncryption(boolean v) {
            enforcedEncryption = v;
            return this;
        }

        public Builder lossMaxTtlPackets(int v) {
            lossMaxTtlPackets = requireNonNegative("lossmaxttl", v);
            return this;
        }

        public Builder maxBandwidth(long v) {
            if (v < -1) {
                throw new SrtOptionException("maxbw",
                        "must be -1 (unlimited), 0 (relative to input rate) or a rate in bytes/s, got " + v);
            }
            maxBandwidth = v;
            return this;
        }

        public Builder inputBandwidth(long v) {
            if (v < 0) {
                throw new SrtOptionException("inputbw", "must be 0 (estimate) or a rate in bytes/s, got " + v);
            }
            inputBandwidth = v;
            return this;
        }

        public Builder minInputBandwidth(long v) {
            if (v < 0) {
                throw new SrtOptionException("mininputbw", "must be a rate in bytes/s (>= 0), got " + v);
            }
            minInputBandwidth = v;
            return this;
        }

        public Builder overheadPercent(int v) {
            if (v < 5 || v > 100) {
                throw new SrtOptionException("oheadbw", "must be 5..100 percent, got " + v);
            }
            overheadPercent = v;
            return this;
        }

        public Builder senderDropDelayMs(int v) {
            if (v < -1) {
                throw new SrtOptionException("snddropdelay", "must be -1 (never drop) or ms >= 0, got " + v);
            }
            senderDropDelayMs = v;
            return this;
        }

        public Builder sendBufferBytes(int v) {
            sendBufferBytes = requirePositive("sndbuf", v);
            return this;
        }

        public Builder receiveBufferBytes(int v) {
            receiveBufferBytes = requirePositive("rcvbuf", v);
            return this;
        }

        public Builder driftTracer(boolean v) {
            driftTracer = v;
            return this;
        }

        public Builder ipTos(int v) {
            if (v < -1 || v > 255) {
                throw new SrtOptionException("iptos", "must be 0..255, got " + v);
            }
            ipTos = v;
            return this;
        }

        /** Checks the rules that involve several options, as libsrt does when the socket connects. */
        public SrtOptions build() {
            if (payloadSize > mss - UDP_IP_HEADER_SIZE - SRT_HEADER_SIZE) {
                throw new SrtOptionException("payloadsize", payloadSize + " bytes does not fit mss " + mss
                        + " (at most " + (mss - UDP_IP_HEADER_SIZE - SRT_HEADER_SIZE) + ")");
            }
            int refresh = kmRefreshRatePackets == 0 ? DEFAULT_KM_REFRESH_RATE : kmRefreshRatePackets;
            if (kmPreAnnouncePackets != 0 && kmPreAnnouncePackets > (refresh - 1) / 2) {
                throw new SrtOptionException("kmpreannounce", kmPreAnnouncePackets
                        + " packets exceeds half the key refresh rate (at most " + (refresh - 1) / 2 + ")");
            }
            if (kmRefreshRatePackets != 0 && kmRefreshRatePackets < 3) {
                throw new SrtOptionException("kmrefreshrate", "must be 0 (default) or at least 3 packets");
            }
            if (minInputBandwidth > 0 && maxBandwidth > 0 && minInputBandwidth > maxBandwidth) {
                throw new SrtOptionException("mininputbw", "is above maxbw");
            }
            return new SrtOptions(mode, receiverLatencyMs, peerLatencyMs, passphrase, keyLength, streamId,
                    connectTimeoutMs, peerIdleTimeoutMs, flowWindowPackets, mss, payloadSize, tooLatePacketDrop,
                    periodicNak, kmRefreshRatePackets, kmPreAnnouncePackets, enforcedEncryption, lossMaxTtlPackets,
                    maxBandwidth, inputBandwidth, minInputBandwidth, overheadPercent, senderDropDelayMs,
                    sendBufferBytes, receiveBufferBytes, driftTracer, ipTos);
        }

        private static int requireNonNegative(String option, int v) {
            if (v < 0) {
                throw new SrtOptionException(option, "must not be negative, got " + v);
            }
            return v;
        }

        private static int requirePositive(String option, int v) {
            if (v <= 0) {
                throw new SrtOptionException(option, "must be positive, got " + v);
            }
            return v;
        }
    }
}

package dev.weir.engine.srt.options;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The option keys of an {@code srt://} URL (the seed client's table, which follows srt-live-transmit), each mapped
 * onto {@link SrtOptions.Builder} or refused with the reason. One table used by URL parsing and by any command
 * line or config form that takes libsrt-style option names.
 */
public final class SrtOptionTable {

    private record Entry(String name, BiConsumer<SrtOptions.Builder, String> apply) {
    }

    private static final List<Entry> ENTRIES = List.of(
            honoured("mode", (b, v) -> b.mode(parseMode(v))),
            honoured("transtype", (b, v) -> requireLive("transtype", v)),
            honoured("congestion", (b, v) -> requireLive("congestion", v)),
            honoured("latency", (b, v) -> b.latencyMs(parseInt("latency", v))),
            honoured("rcvlatency", (b, v) -> b.receiverLatencyMs(parseInt("rcvlatency", v))),
            honoured("peerlatency", (b, v) -> b.peerLatencyMs(parseInt("peerlatency", v))),
            honoured("passphrase", SrtOptions.Builder::passphrase),
            honoured("pbkeylen", (b, v) -> b.keyLength(parseInt("pbkeylen", v))),
            honoured("streamid", SrtOptions.Builder::streamId),
            honoured("conntimeo", (b, v) -> b.connectTimeoutMs(parseInt("conntimeo", v))),
            honoured("peeridletimeo", (b, v) -> b.peerIdleTimeoutMs(parseInt("peeridletimeo", v))),
            honoured("fc", (b, v) -> b.flowWindowPackets(parseInt("fc", v))),
            honoured("mss", (b, v) -> b.mss(parseInt("mss", v))),
            honoured("payloadsize", (b, v) -> b.payloadSize(parseInt("payloadsize", v))),
            honoured("tlpktdrop", (b, v) -> b.tooLatePacketDrop(parseBool("tlpktdrop", v))),
            honoured("nakreport", (b, v) -> b.periodicNak(parseBool("nakreport", v))),
            honoured("kmrefreshrate", (b, v) -> b.kmRefreshRatePackets(parseInt("kmrefreshrate", v))),
            honoured("kmpreannounce", (b, v) -> b.kmPreAnnouncePackets(parseInt("kmpreannounce", v))),
            honoured("enforcedencryption", (b, v) -> b.enforcedEncryption(parseBool("enforcedencryption", v))),
            honoured("lossmaxttl", (b, v) -> b.lossMaxTtlPackets(parseInt("lossmaxttl", v))),
            honoured("maxbw", (b, v) -> b.maxBandwidth(parseLong("maxbw", v))),
            honoured("inputbw", (b, v) -> b.inputBandwidth(parseLong("inputbw", v))),
            honoured("mininputbw", (b, v) -> b.minInputBandwidth(parseLong("mininputbw", v))),
            honoured("oheadbw", (b, v) -> b.overheadPercent(parseInt("oheadbw", v))),
            honoured("snddropdelay", (b, v) -> b.senderDropDelayMs(parseInt("snddropdelay", v))),
            honoured("sndbuf", (b, v) -> b.sendBufferBytes(parseInt("sndbuf", v))),
            honoured("rcvbuf", (b, v) -> b.receiveBufferBytes(parseInt("rcvbuf", v))),
            honoured("drifttracer", (b, v) -> b.driftTracer(parseBool("drifttracer", v))),
            honoured("iptos", (b, v) -> b.ipTos(parseInt("iptos", v))),
            refusedUnlessDefault("messageapi", (b, v) -> {
                if (!parseBool("messageapi", v)) {
                    throw new SrtOptionException("messageapi",
                            "=false (stream API) is not supported; live mode sends one message per packet");
                }
            }),
            refusedUnlessDefault("tsbpdmode", (b, v) -> {
                if (!parseBool("tsbpdmode", v)) {
                    throw new SrtOptionException("tsbpdmode",
                            "=false is not supported; live mode always delivers by timestamp (TSBPD)");
                }
            }),
            refusedUnlessDefault("ipv6only", (b, v) -> {
                if (parseBool("ipv6only", v)) {
                    throw new SrtOptionException("ipv6only", "=true is not supported by Weir's UDP sockets");
                }
            }),
            refusedUnlessDefault("ipttl", (b, v) -> {
                int ttl = parseInt("ipttl", v);
                if (ttl != 64) {
                    throw new SrtOptionException("ipttl",
                            "cannot be set: Java offers no unicast TTL on UDP sockets (only 64, the default)");
                }
            }),
            refusedUnlessDefault("packetfilter", (b, v) -> {
                if (!v.isEmpty()) {
                    throw new SrtOptionException("packetfilter", "(FEC) is not supported by Weir");
                }
            }));

    private SrtOptionTable() {
    }

    /** The keys this table knows, in documentation order. */
    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** Applies one {@code key=value}; the key is matched case-insensitively. */
    public static void apply(SrtOptions.Builder builder, String key, String value) {
        String name = key.toLowerCase(Locale.ROOT);
        for (Entry e : ENTRIES) {
            if (e.name.equals(name)) {
                e.apply.accept(builder, value);
                return;
            }
        }
        throw new SrtOptionException(key, "is unknown (known options: " + String.join(", ", names()) + ")");
    }

    /**
     * Applies every option. {@code latency} is applied before {@code rcvlatency}/{@code peerlatency} whatever the
     * order given, so the specific ones win (srt-live-transmit applies them in this order too).
     */
    public static void applyAll(SrtOptions.Builder builder, Map<String, String> options) {
        String latency = options.get("latency");
        if (latency != null) {
            apply(builder, "latency", latency);
        }
        options.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("latency")) {
                apply(builder, k, v);
            }
        });
    }

    private static Entry honoured(String name, BiConsumer<SrtOptions.Builder, String> apply) {
        return new Entry(name, apply);
    }

    /** An option accepted only at the value that means what Weir does anyway; anything else is refused. */
    private static Entry refusedUnlessDefault(String name, BiConsumer<SrtOptions.Builder, String> apply) {
        return new Entry(name, apply);
    }

    static SrtMode parseMode(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "caller", "client" -> SrtMode.CALLER;
            case "listener", "server" -> SrtMode.LISTENER;
            case "rendezvous" -> throw new SrtOptionException("mode",
                    "'rendezvous' is not supported by Weir; use caller or listener");
            default -> throw new SrtOptionException("mode", "must be caller, listener or rendezvous, got '" + v + "'");
        };
    }

    private static void requireLive(String option, String v) {
        String value = v.toLowerCase(Locale.ROOT);
        if (value.equals("live")) {
            return;
        }
        if (value.equals("file") || value.equals("vod")) {
            throw new SrtOptionException(option, "'" + v + "' is not supported: Weir implements live mode only");
        }
        throw new SrtOptionException(option, "must be 'live', got '" + v + "'");
    }

    static int parseInt(String option, String v) {
        long value = parseLong(option, v);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new SrtOptionException(option, "value " + v + " is out of range");
        }
        return (int) value;
    }

    static long parseLong(String option, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new SrtOptionException(option, "must be a whole number, got '" + v + "'");
        }
    }

    /** libsrt's spellings of a boolean (srt-live-transmit's SocketOption parser). */
    static boolean parseBool(String option, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new SrtOptionException(option, "must be true/false (or 1/0, yes/no, on/off), got '"
                    + v + "'");
        };
    }
}

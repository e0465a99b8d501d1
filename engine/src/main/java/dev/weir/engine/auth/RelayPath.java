package dev.weir.engine.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weir servers a relayed stream came through, oldest first, each by its instance id (see
 * {@link RelayLoopGuard}). A relay sends it with its publish so the server it publishes to can refuse loops:
 *
 * <ul>
 *   <li>RTMP/RTMPS: the {@code connect} command object's property {@value #RTMP_CONNECT_PROPERTY}, e.g.
 *       {@code weirRelay: "3f9a1c07b2e4.8d21e0aa45c3"} (servers ignore properties they do not know);</li>
 *   <li>SRT: a {@value #SRT_PARAMETER} item in the stream id, as a query on the resource in the seed's form
 *       ({@code publish:live/test?weir_relay=3f9a1c07b2e4}) or as a key of the access-control form
 *       ({@code #!::r=live/test,m=publish,weir_relay=3f9a1c07b2e4}; the spec tells receivers to ignore unknown
 *       keys).</li>
 * </ul>
 * The wire form is the ids joined by {@code .}; ids are lower-case hex. Anything else in that place is ignored
 * (treated as no path): only Weir writes it.
 */
public record RelayPath(List<String> instances) {
    public static final String RTMP_CONNECT_PROPERTY = "weirRelay";
    public static final String SRT_PARAMETER = "weir_relay";
    public static final RelayPath NONE = new RelayPath(List.of());
    /**
     * Longer text cannot be a path Weir wrote: a chain is refused at {@link RelayLoopGuard#MAX_HOPS} relays, far
     * below this (and an SRT stream id holds 512 bytes in all).
     */
    static final int MAX_WIRE_LENGTH = 2048;

    private static final Pattern WIRE = Pattern.compile("[0-9a-f]{1,32}(\\.[0-9a-f]{1,32})*");
    private static final Pattern IN_STREAM_ID = Pattern.compile("[?&,]" + SRT_PARAMETER + "=([^&,]*)");

    public RelayPath {
        instances = List.copyOf(instances);
    }

    /** From the wire form; {@link #NONE} for {@code null}, empty or anything Weir would not have written. */
    public static RelayPath parse(String wire) {
        if (wire == null || wire.isEmpty() || wire.length() > MAX_WIRE_LENGTH || !WIRE.matcher(wire).matches()) {
            return NONE;
        }
        return new RelayPath(List.of(wire.split("\\.")));
    }

    /** The path an SRT caller's stream id carries; {@link #NONE} when it carries none. */
    public static RelayPath fromSrtStreamId(String streamId) {
        if (streamId == null) return NONE;
        Matcher m = IN_STREAM_ID.matcher(streamId);
        return m.find() ? parse(m.group(1)) : NONE;
    }

    /** Relays this stream went through before reaching here. */
    public int hops() {
        return instances.size();
    }

    /** This path with one more relay, by {@code instanceId}. */
    public RelayPath then(String instanceId) {
        List<String> next = new ArrayList<>(instances);
        next.add(instanceId);
        return new RelayPath(next);
    }

    public String wire() {
        return String.join(".", instances);
    }

    /**
     * {@code streamId} with this path added, in the stream id's own form: a key for {@code #!::}, a query parameter
     * for {@code publish:app/name}. Other (bare) stream ids are returned unchanged: there is no place for it there
     * that every server would ignore.
     */
    public String addTo(String streamId) {
        if (instances.isEmpty()) return streamId;
        if (streamId.startsWith("#!::")) {
            return streamId + (streamId.length() > 4 ? "," : "") + SRT_PARAMETER + "=" + wire();
        }
        if (streamId.startsWith("publish:")) {
            return streamId + (streamId.indexOf('?') >= 0 ? "&" : "?") + SRT_PARAMETER + "=" + wire();
        }
        return streamId;
    }

    @Override
    public String toString() {
        return instances.isEmpty() ? "no relay" : String.join(" → ", instances);
    }
}

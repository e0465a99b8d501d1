package dev.weir.engine.auth;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An SRT caller's stream id (SRTO_STREAMID), understood in the forms peers send:
 * <ul>
 *   <li>the SRT access-control syntax {@code #!::r=live/test,m=publish,u=alice,s=TOKEN} (Haivision's
 *       docs/features/access-control.md). Keys honoured: {@code r} resource (the stream key), {@code m} mode
 *       ({@code publish}, {@code request}; {@code bidirectional} is refused with SRT_REJX_BAD_MODE), {@code t}
 *       type ({@code stream} only; {@code file}/{@code auth}/others refused with SRT_REJX_NOTSUP_MEDIA),
 *       {@code s} session id (taken as the token), {@code u} user and {@code h} host (kept, reported, not
 *       checked). Other keys are kept and ignored, as the spec allows. The nested {@code #!:{...}} form is
 *       refused with SRT_REJX_BAD_REQUEST.</li>
 *   <li>the seed server's {@code publish:live/test} and {@code request:live/test} (also {@code play:});</li>
 *   <li>a bare resource {@code live/test}, which like the spec's default means {@code request}.</li>
 * </ul>
 * In every form a {@code ?token=...} query on the resource is removed from the stream key and read as the token
 * (it wins over {@code s}). Note that {@code t} is the spec's <em>type</em>, not a token.
 *
 * @param mode     what the caller wants to do
 * @param resource the stream key ({@code r}), leading/trailing slashes and query removed; {@code live/default}
 *                 when empty, as in the seed server
 * @param token    from {@code ?token=} or {@code s}; {@code null} when neither is present
 * @param user     {@code u}, or {@code null}
 * @param host     {@code h}, or {@code null}
 * @param keys     every key/value of the access-control syntax as given (empty for the other forms)
 */
public record SrtStreamId(Mode mode, String resource, String token, String user, String host, Map<String, String> keys) {
    /** libsrt's limit for SRTO_STREAMID. */
    public static final int MAX_LENGTH = 512;
    public static final String DEFAULT_RESOURCE = "live/default";

    public enum Mode { PUBLISH, REQUEST }

    public SrtStreamId {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** A stream id Weir cannot serve; {@link #reason()} says how to reject it. */
    public static final class InvalidStreamIdException extends Exception {
        private final DenyReason reason;

        public InvalidStreamIdException(DenyReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public DenyReason reason() {
            return reason;
        }
    }

    public AccessAction action() {
        return mode == Mode.PUBLISH ? AccessAction.PUBLISH : AccessAction.PLAY;
    }

    public static SrtStreamId parse(String streamId) throws InvalidStreamIdException {
        String s = streamId == null ? "" : streamId;
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new InvalidStreamIdException(DenyReason.BAD_REQUEST, "stream id longer than " + MAX_LENGTH + " bytes");
        }
        if (s.startsWith("#!")) return parseAccessControl(s);
        Mode mode = Mode.REQUEST;
        int colon = s.indexOf(':');
        if (colon > 0) {
            String prefix = s.substring(0, colon);
            Mode m = switch (prefix) {
                case "publish" -> Mode.PUBLISH;
                case "request", "play" -> Mode.REQUEST;
                default -> null;
            };
            if (m != null) {
                mode = m;
                s = s.substring(colon + 1);
            }
        }
        return withResource(mode, s, null, null, null, Map.of());
    }

    private static SrtStreamId parseAccessControl(String s) throws InvalidStreamIdException {
        if (s.startsWith("#!:{")) {
            throw new InvalidStreamIdException(DenyReason.BAD_REQUEST, "the nested #!:{...} stream id syntax is not supported; use #!::r=...,m=...");
        }
        if (!s.startsWith("#!::")) {
            throw new InvalidStreamIdException(DenyReason.BAD_REQUEST, "stream id starts with #! but not with #!:: (the key=value syntax)");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        String body = s.substring(4);
        if (!body.isEmpty()) {
            for (String pair : body.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidStreamIdException(DenyReason.BAD_REQUEST, "stream id item '" + visible(pair) + "' is not key=value");
                }
                String key = pair.substring(0, eq);
                if (keys.putIfAbsent(key, pair.substring(eq + 1)) != null) {
                    throw new InvalidStreamIdException(DenyReason.BAD_REQUEST, "stream id key '" + visible(key) + "' appears twice");
                }
            }
        }
        Mode mode = switch (keys.getOrDefault("m", "request")) {
            case "publish" -> Mode.PUBLISH;
            case "request" -> Mode.REQUEST;
            case "bidirectional" -> throw new InvalidStreamIdException(DenyReason.BAD_MODE,
                    "mode m=bidirectional is not served; use m=publish or m=request");
            default -> throw new InvalidStreamIdException(DenyReason.BAD_MODE,
                    "unknown mode m=" + visible(keys.get("m")) + "; use m=publish or m=request");
        };
        String type = keys.getOrDefault("t", "stream");
        if (!type.equals("stream")) {
            throw new InvalidStreamIdException(DenyReason.UNSUPPORTED_TYPE,
                    "type t=" + visible(type) + " is not served; only t=stream (t is the type, not a token: pass a token as s=TOKEN or r=KEY?token=TOKEN)");
        }
        return withResource(mode, keys.getOrDefault("r", ""), keys.get("s"), keys.get("u"), keys.get("h"), keys);
    }

    private static SrtStreamId withResource(Mode mode, String resource, String session, String user, String host,
                                            Map<String, String> keys) {
        int q = resource.indexOf('?');
        String token = null;
        if (q >= 0) {
            token = QueryString.parse(resource.substring(q + 1)).get("token");
            resource = resource.substring(0, q);
        }
        if (token == null || token.isEmpty()) token = session == null || session.isEmpty() ? null : session;
        int from = 0;
        int to = resource.length();
        while (from < to && resource.charAt(from) == '/') from++;
        while (to > from && resource.charAt(to - 1) == '/') to--;
        resource = resource.substring(from, to);
        if (resource.isEmpty()) resource = DEFAULT_RESOURCE;
        return new SrtStreamId(mode, resource, token, user, host, keys);
    }

    /** For error messages: short, printable, and not the whole (possibly secret-bearing) stream id. */
    private static String visible(String s) {
        if (s == null) return "";
        String t = s.length() > 32 ? s.substring(0, 32) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** The token and the {@code s} key are secrets: the text form leaves them out. */
    @Override
    public String toString() {
        return "SrtStreamId[" + mode + " " + resource + ", user " + user + ", host " + host + ", token "
                + (token == null ? "absent" : "given") + "]";
    }
}

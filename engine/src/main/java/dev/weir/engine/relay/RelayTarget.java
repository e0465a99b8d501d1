package dev.weir.engine.relay;

import dev.weir.engine.auth.RelayPath;
import dev.weir.engine.auth.SrtStreamId;
import dev.weir.engine.srt.options.SrtOptions;
import dev.weir.engine.config.RelaySettings.Destination;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.rtmp.client.RtmpTarget;
import dev.weir.engine.srt.handshake.ConnectionRequest;
import dev.weir.engine.srt.options.SrtMode;
import dev.weir.engine.srt.options.SrtUrl;
import dev.weir.engine.stats.Protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A destination URL made concrete for one stream. The rule for where the stream goes:
 *
 * <ul>
 *   <li>{@code rtmp://host[:port]/app/name[?query]} publishes as {@code name} in {@code app}, query included
 *       (that is where a token goes: {@code rtmp://host/live/test?token=x}).</li>
 *   <li>A URL whose path ends with {@code /}, or names only the app ({@code rtmp://host/live}), takes the
 *       stream's own name: {@code live/test} relayed to {@code rtmp://host/live/} (or {@code rtmp://host/live})
 *       publishes {@code live/test} there, and to {@code rtmp://host/backup/} publishes {@code backup/test}. A URL
 *       without a path takes both app and name: {@code rtmp://host} publishes {@code live/test}.</li>
 *   <li>{@code rtmps://} is the same over TLS (port 443 by default). The server's certificate is verified
 *       against the JDK's trust store and the host name; {@code tls_verify=0} in the query (ffmpeg's option
 *       name, removed before publishing) turns that off for test servers with self-signed certificates.</li>
 *   <li>{@code srt://host:port?options} calls an SRT listener with srt-live-transmit's options
 *       ({@code passphrase}, {@code pbkeylen}, {@code latency}, ...). Without {@code streamid} the stream id is
 *       {@code publish:app/name} (Weir's and the seed's form); a given {@code streamid} is sent as is. The media
 *       goes as MPEG-TS.</li>
 * </ul>
 * Default ports: 1935 for rtmp, 443 for rtmps.
 */
sealed interface RelayTarget {

    /** For stats and logs: host, port, path; tokens, passphrases and credentials replaced by {@code ***}. */
    String redacted();

    Protocol protocol();

    /** {@code host:port} for the relay's connection entry. */
    String remoteAddress();

    String host();

    int port();

    /** The stream key the destination publishes under, when it can be told ({@code app/name}); else {@code null}. */
    String destinationKey();

    /** This target, with {@code path} sent along so the destination can refuse loops ({@link RelayPath}). */
    RelayTarget marked(RelayPath path);

    record Rtmp(RtmpTarget target) implements RelayTarget {
        @Override
        public String redacted() {
            return target.toString();
        }

        @Override
        public Protocol protocol() {
            return target.tls() ? Protocol.RTMPS : Protocol.RTMP;
        }

        @Override
        public String remoteAddress() {
            return target.host() + ":" + target.port();
        }

        @Override
        public String host() {
            return target.host();
        }

        @Override
        public int port() {
            return target.port();
        }

        @Override
        public String destinationKey() {
            int q = target.streamName().indexOf('?');
            int aq = target.app().indexOf('?');
            return (aq < 0 ? target.app() : target.app().substring(0, aq)) + "/"
                    + (q < 0 ? target.streamName() : target.streamName().substring(0, q));
        }

        @Override
        public RelayTarget marked(RelayPath path) {
            return new Rtmp(target.withRelayPath(path.wire()));
        }
    }

    record Srt(SrtUrl url, String redacted) implements RelayTarget {
        @Override
        public Protocol protocol() {
            return Protocol.SRT;
        }

        @Override
        public String remoteAddress() {
            return url.host() + ":" + url.port();
        }

        @Override
        public String host() {
            return url.host();
        }

        @Override
        public int port() {
            return url.port();
        }

        @Override
        public String destinationKey() {
            try {
                return SrtStreamId.parse(url.options().streamId()).resource();
            } catch (SrtStreamId.InvalidStreamIdException e) {
                return null;
            }
        }

        @Override
        public RelayTarget marked(RelayPath path) {
            SrtOptions options = url.options().toBuilder().streamId(path.addTo(url.options().streamId())).build();
            return new Srt(new SrtUrl(url.host(), url.port(), options), redacted);
        }
    }

    /**
     * @throws IllegalArgumentException when the URL cannot be used (the message never contains its query)
     */
    static RelayTarget resolve(Destination destination, StreamKey key) {
        String url = destination.url();
        int schemeEnd = url.indexOf("://");
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String path = slash < 0 ? "" : beforeQuery.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);   // RTMP and SRT have no use for user:password@
        return scheme.equals("srt") ? srt(authority, path, query, key) : rtmp(scheme.equals("rtmps"), authority, path, query, key);
    }

    private static RelayTarget rtmp(boolean tls, String authority, String path, String query, StreamKey key) {
        String[] hostPort = hostAndPort(authority, tls ? 443 : 1935, tls ? "rtmps" : "rtmp");
        String host = hostPort[0];
        int port = Integer.parseInt(hostPort[1]);
        boolean verify = true;
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            if (pair.equals("tls_verify=0")) {
                verify = false;
            } else if (!pair.startsWith("tls_verify=")) {
                kept.add(pair);
            }
        }
        String app;
        String name;
        if (path.isEmpty()) {
            app = key.app();
            name = key.name();
        } else {
            int s = path.indexOf('/');
            if (s < 0) {
                app = path;
                name = key.name();
            } else {
                app = path.substring(0, s);
                name = path.substring(s + 1);
                if (name.isEmpty() || name.endsWith("/")) name = name + key.name();
            }
        }
        if (app.isEmpty()) throw new IllegalArgumentException("relay URL has an empty application");
        String streamName = kept.isEmpty() ? name : name + "?" + String.join("&", kept);
        String hostInUrl = host.contains(":") ? "[" + host + "]" : host;
        String tcUrl = (tls ? "rtmps://" : "rtmp://") + hostInUrl + ":" + port + "/" + app;
        return new Rtmp(new RtmpTarget(host, port, tls, verify, app, streamName, tcUrl));
    }

    private static RelayTarget srt(String authority, String path, String query, StreamKey key) {
        if (!path.isEmpty()) {
            throw new IllegalArgumentException("srt:// relay URL has a path; SRT names the stream with ?streamid=");
        }
        String[] hostPort = hostAndPort(authority, -1, "srt");
        boolean hasStreamId = false;
        List<String> shown = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            if (k.equals("streamid")) {
                hasStreamId = true;
                shown.add("streamid=" + ConnectionRequest.redactStreamId(java.net.URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8)));
            } else if (k.equals("passphrase")) {
                shown.add("passphrase=***");
            } else {
                shown.add(pair);
            }
        }
        String fullQuery = query;
        if (!hasStreamId) {
            String streamId = "publish:" + key;
            fullQuery = (query.isEmpty() ? "" : query + "&") + "streamid=" + URLEncoder.encode(streamId, StandardCharsets.UTF_8);
            shown.add("streamid=" + streamId);
        }
        String hostInUrl = hostPort[0].contains(":") ? "[" + hostPort[0] + "]" : hostPort[0];
        SrtUrl url = SrtUrl.parse("srt://" + hostInUrl + ":" + hostPort[1] + "?" + fullQuery);
        if (url.mode() != SrtMode.CALLER) {
            throw new IllegalArgumentException("srt:// relay URL must call a listener (mode=caller, with a host)");
        }
        return new Srt(url, "srt://" + hostInUrl + ":" + hostPort[1] + "?" + String.join("&", shown));
    }

    private static String[] hostAndPort(String authority, int defaultPort, String scheme) {
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) throw new IllegalArgumentException(scheme + ":// relay URL has an unclosed [IPv6] address");
            host = authority.substring(1, close);
            port = authority.length() > close + 1 && authority.charAt(close + 1) == ':' ? authority.substring(close + 2) : "";
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon + 1);
        }
        if (host.isEmpty()) throw new IllegalArgumentException(scheme + ":// relay URL has no host");
        if (port.isEmpty()) {
            if (defaultPort < 0) throw new IllegalArgumentException(scheme + ":// relay URL needs a port (srt://host:port)");
            port = Integer.toString(defaultPort);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(scheme + ":// relay URL port '" + port + "' is not 1..65535");
        }
        return new String[] {host, port};
    }
}

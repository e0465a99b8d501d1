package dev.weir.engine.probe;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.TrackProbe;
import dev.weir.engine.media.convert.FlvToTs;
import dev.weir.engine.media.ts.ProgramMap;
import dev.weir.engine.media.ts.SrtPayloadGrouper;
import dev.weir.engine.media.ts.TsDemuxer;
import dev.weir.engine.relay.RelayUrls;
import dev.weir.engine.rtmp.client.RtmpPlayClient;
import dev.weir.engine.rtmp.client.RtmpPublishClient;
import dev.weir.engine.rtmp.client.RtmpRefusedException;
import dev.weir.engine.rtmp.client.RtmpStatus;
import dev.weir.engine.rtmp.client.RtmpTarget;
import dev.weir.engine.srt.handshake.RejectCode;
import dev.weir.engine.srt.handshake.RejectReason;
import dev.weir.engine.srt.options.SrtUrl;
import dev.weir.engine.srt.socket.SrtCaller;
import dev.weir.engine.srt.socket.SrtConnectException;
import dev.weir.engine.srt.socket.SrtConnection;
import dev.weir.engine.srt.stats.SrtStats;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.VideoInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's built-in caller: connects to an {@code srt://} or {@code rtmp(s)://} URL as a client and says what
 * happened — connected, or the exact reason it was refused ({@code BADSECRET}, {@code 1404}, timeout) — then keeps
 * the connection open and reports its statistics until {@link #close()}. It can also send a test clip in a loop
 * (to check a destination end to end) or receive a remote stream and name its codecs. Over RTMP a refusal is the
 * server's own status code ({@code NetStream.Play.StreamNotFound}, {@code NetStream.Play.Unauthorized},
 * {@code NetConnection.Connect.Rejected}) with its description.
 *
 * <p>Runs on its own thread ({@code weir-test-caller}); {@link #status()} never blocks, so a window can poll it.
 * URLs may carry passphrases and tokens: they are shown and logged only redacted.
 */
public final class TestCaller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TestCaller.class);
    /** The stream key a test send publishes under when the URL does not name one. */
    public static final String DEFAULT_TEST_KEY = "weir/test";
    /** How long an RTMP call waits for the TCP connect and for each answer during setup. */
    private static final Duration RTMP_TIMEOUT = Duration.ofSeconds(5);
    /** A played stream without media this long is reported as probably not published. */
    private static final Duration NO_MEDIA_AFTER = Duration.ofSeconds(5);

    /** What to do once connected. */
    public enum Action { CONNECT, SEND_TEST_STREAM, RECEIVE }

    public enum State { CONNECTING, CONNECTED, REJECTED, FAILED, CLOSED }

    /**
     * What the caller knows now.
     *
     * @param state       where it is
     * @param message     one operator sentence: what happened, or why not
     * @param rejectName  for a refused SRT call: libsrt's name ({@code BADSECRET}, {@code TIMEOUT}) or the
     *                    application code ({@code 1404}); for a refused RTMP call the server's status code
     *                    ({@code NetStream.Play.StreamNotFound}); else {@code null}
     * @param rejectCode  the raw reject code, 0 when none
     * @param srt         the SRT connection's statistics, {@code null} for RTMP or before connecting
     * @param bytesSent   media bytes sent (test stream)
     * @param bytesReceived media bytes received (receive)
     * @param bitrate     bits per second sent or received, over the last second
     * @param codecs      what a received stream carries ({@code H264, AAC_ADTS} over SRT,
     *                    {@code H264 High 640x360, AAC LC 44100 Hz stereo} over RTMP), {@code null} when unknown
     * @param loops       how many times the test clip was sent whole
     */
    public record Status(State state, String message, String rejectName, int rejectCode, SrtStats srt,
                         long bytesSent, long bytesReceived, long bitrate, String codecs, long loops) {
        static Status of(State state, String message) {
            return new Status(state, message, null, 0, null, 0, 0, 0, null, 0);
        }
    }

    private final String url;
    private final String shownUrl;
    private final Action action;
    private final FlvClip clip;
    private final Duration runFor;
    private final Thread thread;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private volatile Status status;
    private volatile boolean closed;
    private volatile SrtConnection srt;
    private volatile RtmpPublishClient rtmp;
    private volatile RtmpPlayClient rtmpPlay;
    private volatile String codecs;
    private volatile long loops;
    private long lastBytes;
    private long lastNanos;
    private volatile long bitrate;

    private TestCaller(String url, Action action, FlvClip clip, Duration runFor) {
        this.url = url;
        this.action = action;
        this.clip = clip;
        this.runFor = runFor;
        this.shownUrl = redact(url);
        this.status = Status.of(State.CONNECTING, "calling " + shownUrl);
        this.thread = Thread.ofPlatform().name("weir-test-caller").daemon(true).unstarted(this::run);
    }

    /**
     * Starts calling {@code url} on a new thread and returns at once.
     *
     * @param clip   the clip to loop for {@link Action#SEND_TEST_STREAM} (may be {@code null} otherwise)
     * @param runFor how long to keep going once connected; {@code null} until {@link #close()}
     * @throws IllegalArgumentException when the URL is not one the caller can use (the message is redacted)
     */
    public static TestCaller start(String url, Action action, FlvClip clip, Duration runFor) {
        Objects.requireNonNull(action, "action");
        check(url, action, clip);
        TestCaller caller = new TestCaller(url.strip(), action, clip, runFor);
        caller.thread.start();
        return caller;
    }

    /** Checks a URL without calling it: the operator's form shows the message before anything is sent. */
    public static void check(String url, Action action, FlvClip clip) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("enter an srt:// or rtmp:// URL");
        String u = url.strip().toLowerCase(Locale.ROOT);
        boolean isSrt = u.startsWith("srt://");
        if (!isSrt && !u.startsWith("rtmp://") && !u.startsWith("rtmps://")) {
            throw new IllegalArgumentException("the URL must start with srt://, rtmp:// or rtmps://");
        }
        if (!isSrt && action == Action.RECEIVE && !namesAStream(url.strip())) {
            throw new IllegalArgumentException("to receive over RTMP the URL must name the stream: rtmp://host/app/name");
        }
        if (action == Action.SEND_TEST_STREAM && clip == null) {
            throw new IllegalArgumentException("no test clip to send");
        }
        try {
            if (isSrt) srtUrl(url.strip(), action); else RelayUrls.rtmp(url.strip(), DEFAULT_TEST_KEY);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(stripQuery(e.getMessage()), e);
        }
    }

    public String shownUrl() { return shownUrl; }
    public Action action() { return action; }

    /** The latest status; with the live SRT statistics while connected. Never blocks. */
    public Status status() {
        Status s = status;
        SrtConnection c = srt;
        if (c != null && s.state() == State.CONNECTED) {
            return new Status(s.state(), s.message(), null, 0, c.stats(false), bytesSent.get(), bytesReceived.get(),
                    rate(), codecs, loops);
        }
        return new Status(s.state(), s.message(), s.rejectName(), s.rejectCode(), s.srt(), bytesSent.get(),
                bytesReceived.get(), s.state() == State.CONNECTED ? rate() : 0, codecs, loops);
    }

    /** Waits for the caller's thread to end (after {@link #close()} or a failure). */
    public boolean await(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    /** Hangs up; safe from any thread, more than once. */
    @Override
    public void close() {
        closed = true;
        SrtConnection c = srt;
        if (c != null) c.close();
        RtmpPublishClient r = rtmp;
        if (r != null) r.close();
        RtmpPlayClient p = rtmpPlay;
        if (p != null) p.close();
        thread.interrupt();
    }

    private synchronized long rate() {
        long now = System.nanoTime();
        long bytes = bytesSent.get() + bytesReceived.get();
        if (lastNanos == 0) {
            lastNanos = now;
            lastBytes = bytes;
            return 0;
        }
        long dt = now - lastNanos;
        if (dt >= 1_000_000_000L) {
            bitrate = (bytes - lastBytes) * 8 * 1_000_000_000L / dt;
            lastNanos = now;
            lastBytes = bytes;
        }
        return bitrate;
    }

    private void run() {
        try {
            if (url.toLowerCase(Locale.ROOT).startsWith("srt://")) runSrt(); else runRtmp();
            if (status.state() == State.CONNECTED || status.state() == State.CONNECTING) {
                status = Status.of(State.CLOSED, closed ? "hung up" : "finished");
            }
        } catch (SrtConnectException e) {
            RejectCode code = e.code();
            RejectReason reason = code.internalReason();
            String name = reason != null ? reason.name() : Integer.toString(code.value());
            String text = reason != null ? reason.description() : describeApplication(code.value());
            log.info("test call to {} refused: {} ({})", shownUrl, name, text);
            status = new Status(State.REJECTED, "refused: " + name + " — " + text, name, code.value(), null,
                    0, 0, 0, null, 0);
        } catch (RtmpRefusedException e) {
            RtmpStatus s = e.status();
            String code = s.code() == null ? "no status code" : s.code();
            String description = s.description() == null || s.description().isBlank() ? "" : " — " + stripQuery(s.description());
            log.info("test call to {} refused: {} {}", shownUrl, e.request(), code);
            status = new Status(State.REJECTED, "refused " + e.request() + ": " + code + description, code, 0, null,
                    0, 0, 0, null, 0);
        } catch (IOException | RuntimeException e) {
            if (closed) {
                status = Status.of(State.CLOSED, "hung up");
                return;
            }
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : stripQuery(e.getMessage());
            log.info("test call to {} failed: {}", shownUrl, m);
            status = Status.of(State.FAILED, m);
        } catch (InterruptedException e) {
            status = Status.of(State.CLOSED, "hung up");
        } finally {
            SrtConnection c = srt;
            if (c != null) c.close();
            RtmpPublishClient r = rtmp;
            if (r != null) r.close();
            RtmpPlayClient p = rtmpPlay;
            if (p != null) p.close();
        }
    }

    private void runSrt() throws IOException, InterruptedException {
        SrtUrl target = srtUrl(url, action);
        SrtConnection c = SrtCaller.connect(target);
        srt = c;
        if (closed) return;
        log.info("test call to {} connected ({})", shownUrl, c.encrypted() ? "encrypted" : "clear");
        status = Status.of(State.CONNECTED, "connected to " + shownUrl + (c.encrypted() ? ", encrypted" : ""));
        long until = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
        switch (action) {
            case CONNECT -> {
                while (!closed && c.isOpen() && System.nanoTime() < until) Thread.sleep(100);
            }
            case SEND_TEST_STREAM -> {
                SrtPayloadGrouper grouper = new SrtPayloadGrouper(payload -> {
                    try {
                        c.write(payload, 0, payload.length, 2000);
                        bytesSent.addAndGet(payload.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                FlvToTs muxer = new FlvToTs("test-caller", grouper);
                try {
                    loop(until, m -> muxer.accept(m), grouper::flush);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            case RECEIVE -> receive(c, until);
        }
        if (!c.isOpen() && !closed) {
            status = Status.of(State.CLOSED, "the far end closed the connection (" + c.state() + ")");
        }
    }

    private void receive(SrtConnection c, long until) throws IOException {
        TsDemuxer demuxer = new TsDemuxer(unit -> { });
        byte[] buf = new byte[2048];
        while (!closed && c.isOpen() && System.nanoTime() < until) {
            int n = c.read(buf, 500);
            if (n <= 0) continue;
            bytesReceived.addAndGet(n);
            demuxer.feed(buf, 0, n);
            ProgramMap pm = demuxer.programMap();
            if (pm != null && codecs == null && !pm.streams().isEmpty()) {
                StringJoiner j = new StringJoiner(", ");
                pm.streams().forEach(s -> j.add(s.codec().name()));
                codecs = j.toString();
            }
        }
    }

    private void runRtmp() throws IOException, InterruptedException {
        if (action == Action.SEND_TEST_STREAM) {
            sendOverRtmp();
            return;
        }
        RtmpTarget target = RelayUrls.rtmp(url, DEFAULT_TEST_KEY);
        RtmpPlayClient client = RtmpPlayClient.connect(target, RTMP_TIMEOUT);
        rtmpPlay = client;
        if (closed) return;
        String server = client.serverVersion() == null ? "" : ", server " + client.serverVersion();
        String connectCode = client.connectStatus().code() == null ? "connected" : client.connectStatus().code();
        long until = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
        if (action == Action.CONNECT) {
            log.info("test call to {} connected", shownUrl);
            status = Status.of(State.CONNECTED, "connected to " + shownApp(target) + " (" + connectCode + server + ")");
            try {
                while (!closed && System.nanoTime() < until) {
                    if (client.next() instanceof RtmpPlayClient.Incoming.Status(RtmpStatus s) && s.isError()) {
                        status = Status.of(State.CLOSED, "the server ended the session: " + stripQuery(s.sentence()));
                        return;
                    }
                }
            } catch (EOFException e) {
                if (!closed) status = Status.of(State.CLOSED, "the server closed the connection");
            }
            return;
        }
        String name = target.app() + "/" + target.shownStreamName();
        RtmpStatus started;
        try {
            started = client.play(RTMP_TIMEOUT);
        } catch (SocketTimeoutException e) {
            throw new IOException("the server did not answer play of " + name + " within " + RTMP_TIMEOUT.toSeconds() + " s");
        }
        log.info("test call to {} playing", shownUrl);
        status = Status.of(State.CONNECTED, "playing " + name + " (" + started.code() + server + "), waiting for media");
        receive(client, name, until);
    }

    /**
     * Reads the played stream until hung up, the time is up or the server ends it: counts media bytes, names the
     * codecs, and says when nothing comes (Weir and nginx-rtmp keep a player of a stream nobody publishes waiting).
     */
    private void receive(RtmpPlayClient client, String name, long until) throws IOException {
        TrackProbe tracks = new TrackProbe();
        long lastMedia = System.nanoTime();
        boolean receiving = false;
        boolean quietSaid = false;
        try {
            while (!closed && System.nanoTime() < until) {
                RtmpPlayClient.Incoming in = client.next();
                switch (in) {
                    case RtmpPlayClient.Incoming.Media(MediaMessage m) -> {
                        bytesReceived.addAndGet(m.size());
                        tracks.accept(m);
                        if (m.kind() == MediaMessage.Kind.DATA) break; // |RtmpSampleAccess, onMetaData: no media yet
                        if (!receiving || quietSaid) {
                            status = Status.of(State.CONNECTED, "receiving " + name + " from " + shownUrl);
                            receiving = true;
                            quietSaid = false;
                        }
                        lastMedia = System.nanoTime();
                        codecs = describe(tracks.video(), tracks.audio());
                    }
                    case RtmpPlayClient.Incoming.Status(RtmpStatus s) -> {
                        if (s.isError()) {
                            status = Status.of(State.CLOSED, "the server stopped play: " + stripQuery(s.sentence()));
                            return;
                        }
                        if ("NetStream.Play.UnpublishNotify".equals(s.code())) {
                            status = Status.of(State.CONNECTED, "the publisher of " + name
                                    + " stopped (NetStream.Play.UnpublishNotify); waiting for it to come back");
                            quietSaid = true;
                        }
                    }
                    case null -> { }
                }
                if (!quietSaid && System.nanoTime() - lastMedia > NO_MEDIA_AFTER.toNanos()) {
                    status = Status.of(State.CONNECTED, "playing " + name + ", but no media for "
                            + NO_MEDIA_AFTER.toSeconds() + " s: the server accepted the play, and nothing is published "
                            + "under that name there (yet)");
                    quietSaid = true;
                }
            }
        } catch (EOFException e) {
            if (!closed) status = Status.of(State.CLOSED, "the server closed the connection");
        }
    }

    /** {@code H264 High 640x360, AAC LC 44100 Hz stereo}: what the received sequence headers say. */
    static String describe(VideoInfo video, AudioInfo audio) {
        StringJoiner tracks = new StringJoiner(", ");
        if (video.codec() != null) {
            StringJoiner v = new StringJoiner(" ");
            v.add(video.codec());
            if (video.profile() != null) v.add(video.profile());
            if (video.width() > 0) v.add(video.width() + "x" + video.height());
            tracks.add(v.toString());
        }
        if (audio.codec() != null) {
            StringJoiner a = new StringJoiner(" ");
            a.add(audio.codec());
            if (audio.profile() != null) a.add(audio.profile());
            if (audio.sampleRate() > 0) a.add(audio.sampleRate() + " Hz");
            if (audio.channels() > 0) a.add(audio.channels() == 1 ? "mono" : audio.channels() == 2 ? "stereo" : audio.channels() + " ch");
            tracks.add(a.toString());
        }
        return tracks.length() == 0 ? null : tracks.toString();
    }

    private static String shownApp(RtmpTarget t) {
        return (t.tls() ? "rtmps://" : "rtmp://") + t.host() + ":" + t.port() + "/" + t.app();
    }

    /** Whether an rtmp(s):// URL's path has an app and a stream name ({@code /live/cam}), as play needs. */
    static boolean namesAStream(String url) {
        int scheme = url.indexOf("://");
        String rest = url.substring(scheme + 3);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        int slash = path.indexOf('/');
        if (slash < 0) return false;
        String appAndName = path.substring(slash + 1);
        int split = appAndName.indexOf('/');
        return split > 0 && split < appAndName.length() - 1 && !appAndName.endsWith("/");
    }

    private void sendOverRtmp() throws IOException, InterruptedException {
        RtmpTarget target = RelayUrls.rtmp(url, DEFAULT_TEST_KEY);
        RtmpPublishClient client = RtmpPublishClient.publish(target, RTMP_TIMEOUT, 4096, Duration.ofSeconds(10));
        rtmp = client;
        if (closed) return;
        log.info("test call to {} connected, publishing", shownUrl);
        status = Status.of(State.CONNECTED, "publishing to " + shownUrl);
        long until = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
        long before = client.bytesSent();
        try {
            loop(until, m -> {
                try {
                    client.write(m);
                    bytesSent.set(client.bytesSent() - before);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, () -> {
                try {
                    client.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!client.isOpen() && !closed) {
            status = Status.of(State.CLOSED, "the server ended the session: " + client.endReason());
        }
    }

    /** Sends the clip again and again in real time, timestamps running on across loops. */
    private void loop(long until, java.util.function.Consumer<MediaMessage> send, Runnable flush)
            throws InterruptedException {
        long start = System.nanoTime();
        for (long n = 0; !closed && System.nanoTime() < until; n++) {
            long offset = n * clip.durationMs();
            for (MediaMessage m : clip.messages()) {
                if (closed) return;
                if (n > 0 && m.kind() == MediaMessage.Kind.DATA) continue;
                long due = start + (offset + m.timestamp()) * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    flush.run();
                    Thread.sleep(Duration.ofNanos(wait));
                }
                send.accept(new MediaMessage(m.kind(), offset + m.timestamp(), m.body()));
            }
            loops = n + 1;
        }
        flush.run();
    }

    private static SrtUrl srtUrl(String url, Action action) {
        if (action == Action.SEND_TEST_STREAM) return RelayUrls.srt(url, DEFAULT_TEST_KEY);
        SrtUrl u = SrtUrl.parse(url);
        if (u.host().isEmpty()) throw new IllegalArgumentException("the URL needs a host to call (srt://host:port)");
        return u;
    }

    private static String describeApplication(int code) {
        return switch (code) {
            case 1401 -> "unauthorized (the stream id's credentials were refused)";
            case 1403 -> "forbidden";
            case 1404 -> "no such stream (nothing is published under that stream id)";
            case 1409 -> "conflict (someone already publishes that stream)";
            case 1400 -> "bad request (stream id not understood)";
            default -> code < RejectCode.USER_DEFINED ? "application status " + (code - RejectCode.PREDEFINED)
                    : "user-defined " + (code - RejectCode.USER_DEFINED);
        };
    }

    /** A URL as it may be shown: no passphrase, token or credential. */
    public static String redact(String url) {
        if (url == null) return "";
        try {
            return RelayUrls.redacted(url.strip());
        } catch (RuntimeException e) {
            return stripQuery(url.strip());
        }
    }

    private static String stripQuery(String text) {
        if (text == null) return null;
        return text.replaceAll("(?i)(passphrase|token|streamid)=[^&\\s'\"]*", "$1=***");
    }
}

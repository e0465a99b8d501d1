package dev.weir.ui.caller;

import dev.weir.engine.probe.FlvClip;
import dev.weir.engine.probe.TestCaller;
import dev.weir.engine.srt.stats.SrtStats;
import dev.weir.ui.format.BitrateFormat;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The built-in caller screen: a URL, what to do (connect, send the test clip, receive), and the outcome — connected,
 * or the exact reject reason — then RTT, bandwidth and loss, refreshed by {@link #poll()} at the console's rate.
 * The call runs on the caller's own thread; the clip is read on the background executor.
 *
 * <p>The secret (an SRT passphrase, an RTMP token) has its own masked property and is put into the URL only for
 * the call ({@link #callUrl()}): the URL property never holds it. A URL pasted or typed with {@code passphrase=} or
 * {@code token=} has that parameter moved into the secret — at once for a paste, and for typing when the
 * parameter is ended by {@code &}, when the URL field loses focus ({@link #moveSecretOutOfUrl()}) or on call.
 */
public final class CallerViewModel implements AutoCloseable {
    private final Executor background;
    private final Executor fx;
    private final Supplier<FlvClip> clip;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final ObjectProperty<TestCaller.Action> action = new SimpleObjectProperty<>(this, "action", TestCaller.Action.CONNECT);
    private final ReadOnlyObjectWrapper<TestCaller.State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper rejectReason = new ReadOnlyStringWrapper(this, "rejectReason");
    private final ReadOnlyStringWrapper rtt = new ReadOnlyStringWrapper(this, "rtt", "—");
    private final ReadOnlyStringWrapper bandwidth = new ReadOnlyStringWrapper(this, "bandwidth", "—");
    private final ReadOnlyStringWrapper loss = new ReadOnlyStringWrapper(this, "loss", "—");
    private final ReadOnlyStringWrapper traffic = new ReadOnlyStringWrapper(this, "traffic", "—");
    private final ReadOnlyStringWrapper codecs = new ReadOnlyStringWrapper(this, "codecs", "—");
    private final ReadOnlyStringWrapper encryption = new ReadOnlyStringWrapper(this, "encryption", "—");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<SrtStats> srt = new ReadOnlyObjectWrapper<>(this, "srt");
    private TestCaller caller;

    /** @param clip loads the test clip; called on the background executor */
    public CallerViewModel(Supplier<FlvClip> clip, Executor background, Executor fx) {
        this.clip = clip;
        this.background = background;
        this.fx = fx;
        url.addListener((obs, old, now) -> {
            String before = old == null ? "" : old;
            if (now == null || now.length() <= before.length()) return;
            // a paste (or a set) moves the secret at once; typing does when '&' ends the parameter
            if (now.length() > before.length() + 1 || inserted(before, now) == '&') moveSecretOutOfUrl();
        });
    }

    /** The character typed into {@code before} to make {@code now} (one longer). */
    private static char inserted(String before, String now) {
        int i = 0;
        while (i < before.length() && before.charAt(i) == now.charAt(i)) i++;
        return now.charAt(i);
    }

    /** The URL as shown: never holds the passphrase or token. */
    public StringProperty urlProperty() { return url; }
    /** The SRT passphrase or RTMP token, for a masked field; merged into the URL only when calling. */
    public StringProperty secretProperty() { return secret; }
    public ObjectProperty<TestCaller.Action> actionProperty() { return action; }
    public ReadOnlyObjectProperty<TestCaller.State> stateProperty() { return state.getReadOnlyProperty(); }
    /** One sentence: connected, refused and why, failed and why. */
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }
    /** libsrt's name of the refusal ({@code BADSECRET}, {@code TIMEOUT}) or the code ({@code 1404}). */
    public ReadOnlyStringProperty rejectReasonProperty() { return rejectReason.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rttProperty() { return rtt.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bandwidthProperty() { return bandwidth.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lossProperty() { return loss.getReadOnlyProperty(); }
    public ReadOnlyStringProperty trafficProperty() { return traffic.getReadOnlyProperty(); }
    public ReadOnlyStringProperty codecsProperty() { return codecs.getReadOnlyProperty(); }
    public ReadOnlyStringProperty encryptionProperty() { return encryption.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SrtStats> srtProperty() { return srt.getReadOnlyProperty(); }

    /** Starts the call (off the FX thread); a call in progress is hung up first. */
    public void start() {
        hangUp();
        moveSecretOutOfUrl();
        String u = callUrl();
        TestCaller.Action a = action.get();
        rejectReason.set(null);
        clearNumbers();
        try {
            TestCaller.check(u, a, a == TestCaller.Action.SEND_TEST_STREAM ? placeholderClip() : null);
        } catch (IllegalArgumentException e) {
            state.set(TestCaller.State.FAILED);
            outcome.set(sentence(e.getMessage()));
            return;
        }
        state.set(TestCaller.State.CONNECTING);
        outcome.set("Calling " + TestCaller.redact(u) + "…");
        running.set(true);
        background.execute(() -> {
            TestCaller started;
            try {
                FlvClip c = a == TestCaller.Action.SEND_TEST_STREAM ? clip.get() : null;
                started = TestCaller.start(u, a, c, null);
            } catch (RuntimeException e) {
                String m = e.getMessage();
                fx.execute(() -> {
                    running.set(false);
                    state.set(TestCaller.State.FAILED);
                    outcome.set(sentence(m));
                });
                return;
            }
            fx.execute(() -> {
                if (!running.get()) {   // hung up while starting
                    started.close();
                    return;
                }
                caller = started;
                poll();
            });
        });
    }

    /**
     * Moves a {@code passphrase=} or {@code token=} query parameter with a value out of the URL into the secret
     * (the last one wins; it replaces what the secret held).
     */
    public void moveSecretOutOfUrl() {
        String u = url.get();
        if (u == null) return;
        String kept = takeSecretFrom(u);
        if (!kept.equals(u)) url.set(kept);
    }

    /**
     * {@code proposedUrl} without its {@code passphrase=} or {@code token=} parameter, whose value becomes the
     * secret; unchanged when it has none with a value. A URL ending in {@code &} (a parameter being typed after
     * it) keeps room for the next one. The view's text filter calls this so that the field never shows it.
     */
    public String takeSecretFrom(String proposedUrl) {
        int q = proposedUrl.indexOf('?');
        if (q < 0) return proposedUrl;
        StringJoiner kept = new StringJoiner("&");
        String found = null;
        for (String pair : proposedUrl.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq).toLowerCase(Locale.ROOT);
            if ((key.equals("passphrase") || key.equals("token")) && eq < pair.length() - 1) {
                found = URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } else if (!pair.isEmpty()) {
                kept.add(pair);
            }
        }
        if (found == null) return proposedUrl;
        secret.set(found);
        boolean more = proposedUrl.endsWith("&");
        String query = kept.length() == 0 ? (more ? "?" : "") : "?" + kept + (more ? "&" : "");
        return proposedUrl.substring(0, q) + query;
    }

    /**
     * The URL to call: the one shown, with the secret added as {@code passphrase=} (srt://) or {@code token=}
     * (rtmp://, where the stream name's query carries it, as ffmpeg and OBS send it).
     */
    String callUrl() {
        String u = url.get() == null ? "" : url.get().strip();
        String s = secret.get();
        if (s == null || s.isEmpty()) return u;
        String key = u.toLowerCase(Locale.ROOT).startsWith("srt://") ? "passphrase" : "token";
        String value = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        return u + (u.indexOf('?') < 0 ? "?" : "&") + key + "=" + value;
    }

    /** The check wants a clip for a send; the real one is loaded off the FX thread when the call starts. */
    private static FlvClip placeholderClip() {
        return new FlvClip(java.util.List.of(new dev.weir.engine.hub.MediaMessage(
                dev.weir.engine.hub.MediaMessage.Kind.DATA, 0, new byte[0])), 40);
    }

    /** Hangs up (the caller's thread ends on its own); the screen says so at once. */
    public void hangUp() {
        boolean wasRunning = running.get();
        running.set(false);
        TestCaller c = caller;
        caller = null;
        if (c != null) {
            c.close();
        }
        if (wasRunning) {
            state.set(TestCaller.State.CLOSED);
            outcome.set("Hung up.");
        }
    }

    /** Reads the caller's status; on the FX thread at the refresh rate. */
    public void poll() {
        TestCaller c = caller;
        if (c == null) return;
        TestCaller.Status s = c.status();
        state.set(s.state());
        outcome.set(sentence(s.message()));
        rejectReason.set(s.rejectName());
        running.set(s.state() == TestCaller.State.CONNECTING || s.state() == TestCaller.State.CONNECTED);
        traffic.set(s.bytesSent() > 0 ? "sent " + BitrateFormat.format(s.bitrate()) + (s.loops() > 0 ? " · clip looped " + s.loops() + "×" : "")
                : s.bytesReceived() > 0 ? "receiving " + BitrateFormat.format(s.bitrate()) : "—");
        codecs.set(s.codecs() == null ? (c.action() == TestCaller.Action.SEND_TEST_STREAM ? "H264 320x180, AAC (test clip)" : "—") : s.codecs());
        SrtStats st = s.srt();
        srt.set(st);
        if (st != null) {
            rtt.set(String.format(Locale.ROOT, "%.1f ms (±%.1f)", st.instant().msRTT(), st.instant().msRTTVar()));
            bandwidth.set(String.format(Locale.ROOT, "%.1f Mbit/s estimated link", st.instant().mbpsBandwidth()));
            loss.set(st.total().pktSndLoss() + st.total().pktRcvLoss() + " lost · " + st.total().pktRetrans()
                    + " retransmitted · " + (st.total().pktSndDrop() + st.total().pktRcvDrop()) + " dropped");
            encryption.set(st.keys().encrypted() ? "AES-" + st.keys().keyLength() * 8 + ", key " + st.keys().sendKey() : "off");
        }
        if (!running.get()) caller = null;
    }

    private void clearNumbers() {
        rtt.set("—");
        bandwidth.set("—");
        loss.set("—");
        traffic.set("—");
        codecs.set("—");
        encryption.set("—");
        srt.set(null);
    }

    @Override
    public void close() {
        hangUp();
    }

    private static String sentence(String m) {
        if (m == null || m.isEmpty()) return "";
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}

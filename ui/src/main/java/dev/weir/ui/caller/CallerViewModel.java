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

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The built-in caller screen: a URL, what to do (connect, send the test clip, receive), and the outcome — connected,
 * or the exact reject reason — then RTT, bandwidth and loss, refreshed by {@link #poll()} at the console's rate.
 * The call runs on the caller's own thread; the clip is read on the background executor.
 */
public final class CallerViewModel implements AutoCloseable {
    private final Executor background;
    private final Executor fx;
    private final Supplier<FlvClip> clip;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
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
    }

    public StringProperty urlProperty() { return url; }
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
        String u = url.get() == null ? "" : url.get().strip();
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

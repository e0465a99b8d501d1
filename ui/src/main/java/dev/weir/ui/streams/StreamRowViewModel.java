package dev.weir.ui.streams;

import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.srt.stats.SrtStats;
import java.util.List;

import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.StreamSnapshot.StreamState;
import dev.weir.engine.stats.VideoInfo;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of the live streams table, keyed by stream key. The table keeps the same row object for a key as long
 * as the stream exists, and {@link #update} changes only the properties whose values changed, so selection,
 * sorting and cell state survive the 4 Hz refresh.
 *
 * <p>Values are raw (bits per second, hertz, a {@link Duration}) so columns sort by number; the view formats them.
 */
public final class StreamRowViewModel {
    private final String key;
    private final ReadOnlyObjectWrapper<StreamSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Protocol> protocol = new ReadOnlyObjectWrapper<>(this, "protocol");
    private final ReadOnlyStringWrapper publisher = new ReadOnlyStringWrapper(this, "publisher");
    private final ReadOnlyObjectWrapper<StreamState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<Duration> uptime = new ReadOnlyObjectWrapper<>(this, "uptime", Duration.ZERO);
    private final ReadOnlyStringWrapper videoCodec = new ReadOnlyStringWrapper(this, "videoCodec");
    private final ReadOnlyStringWrapper videoProfile = new ReadOnlyStringWrapper(this, "videoProfile");
    private final ReadOnlyIntegerWrapper width = new ReadOnlyIntegerWrapper(this, "width");
    private final ReadOnlyIntegerWrapper height = new ReadOnlyIntegerWrapper(this, "height");
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps");
    private final ReadOnlyStringWrapper audioCodec = new ReadOnlyStringWrapper(this, "audioCodec");
    private final ReadOnlyIntegerWrapper sampleRate = new ReadOnlyIntegerWrapper(this, "sampleRate");
    private final ReadOnlyIntegerWrapper channels = new ReadOnlyIntegerWrapper(this, "channels");
    private final ReadOnlyLongWrapper bitrateIn = new ReadOnlyLongWrapper(this, "bitrateIn");
    private final ReadOnlyIntegerWrapper players = new ReadOnlyIntegerWrapper(this, "players");
    private final ReadOnlyLongWrapper bitrateOut = new ReadOnlyLongWrapper(this, "bitrateOut");
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private final ReadOnlyStringWrapper encryption = new ReadOnlyStringWrapper(this, "encryption");
    private final ReadOnlyObjectWrapper<RecordingSnapshot.State> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyStringWrapper recordingFile = new ReadOnlyStringWrapper(this, "recordingFile");
    private final javafx.beans.property.ReadOnlyBooleanWrapper recordingBusy =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "recordingBusy");
    private final ReadOnlyStringWrapper relays = new ReadOnlyStringWrapper(this, "relays");
    private final ReadOnlyStringWrapper alerts = new ReadOnlyStringWrapper(this, "alerts");

    public StreamRowViewModel(StreamSnapshot first) {
        this(first, null, List.of());
    }

    public StreamRowViewModel(StreamSnapshot first, ConnectionSnapshot publisher, List<RelaySnapshot> streamRelays) {
        this.key = Objects.requireNonNull(first.key(), "stream key");
        update(first, publisher, streamRelays);
    }

    /**
     * Copies the stream's numbers, its publisher's encryption and its relays into the properties.
     *
     * @param publisher the publisher's connection, {@code null} when unknown
     */
    public void update(StreamSnapshot s, ConnectionSnapshot publisher, List<RelaySnapshot> streamRelays) {
        update(s);
        encryption.set(encryptionOf(s, publisher));
        RecordingSnapshot rec = s.recording();
        recording.set(rec == null ? null : rec.state());
        recordingFile.set(rec == null ? null : rec.file());
        relays.set(relaysOf(streamRelays));
        alerts.set(alertsOf(s, rec, streamRelays));
    }

    private static String encryptionOf(StreamSnapshot s, ConnectionSnapshot publisher) {
        if (s.protocol() == null) return null;
        if (s.protocol() == Protocol.RTMPS) return "TLS";
        if (s.protocol() == Protocol.RTMP) return "Off";
        SrtStats srt = publisher == null ? null : publisher.srt();
        if (srt == null) return null;
        return srt.keys().encrypted() ? "AES-" + srt.keys().keyLength() * 8 : "Off";
    }

    private static String relaysOf(List<RelaySnapshot> rs) {
        if (rs.isEmpty()) return null;
        long running = rs.stream().filter(r -> r.state() == RelaySnapshot.State.RUNNING).count();
        return running == rs.size() ? running + " up" : running + "/" + rs.size() + " up";
    }

    private static String alertsOf(StreamSnapshot s, RecordingSnapshot rec, List<RelaySnapshot> rs) {
        java.util.StringJoiner j = new java.util.StringJoiner(" · ");
        if (rec != null && rec.state() == RecordingSnapshot.State.FAILED) j.add("recording failed");
        long failing = rs.stream().filter(r -> r.state() == RelaySnapshot.State.BACKOFF).count();
        if (failing > 0) j.add(failing + (failing == 1 ? " relay failing" : " relays failing"));
        if (s.tsContinuityErrors() > 0) j.add(s.tsContinuityErrors() + " TS errors");
        if (s.slowPlayerDisconnects() > 0) j.add(s.slowPlayerDisconnects() + " slow players cut");
        if (s.state() == StreamState.PUBLISHING && s.bitrateIn() == 0) j.add("no data");
        return j.length() == 0 ? null : j.toString();
    }

    /** Copies the stream's numbers into the properties. JavaFX properties fire only when a value really changes. */
    public void update(StreamSnapshot s) {
        if (!key.equals(s.key())) {
            throw new IllegalArgumentException("row " + key + " cannot show stream " + s.key());
        }
        VideoInfo video = s.video() == null ? VideoInfo.NONE : s.video();
        AudioInfo audio = s.audio() == null ? AudioInfo.NONE : s.audio();
        snapshot.set(s);
        protocol.set(s.protocol());
        publisher.set(s.publisherAddress());
        state.set(s.state());
        uptime.set(s.uptime() == null ? Duration.ZERO : s.uptime());
        videoCodec.set(video.codec());
        videoProfile.set(video.profile());
        width.set(video.width());
        height.set(video.height());
        fps.set(video.fps());
        audioCodec.set(audio.codec());
        sampleRate.set(audio.sampleRate());
        channels.set(audio.channels());
        bitrateIn.set(s.bitrateIn());
        players.set(s.players());
        bitrateOut.set(s.bitrateOut());
        dropped.set(s.droppedMessages());
    }

    /** What a sorted table must re-sort on: the values that move while the stream runs. */
    Observable[] liveValues() {
        return new Observable[] {state, uptime, fps, bitrateIn, players, bitrateOut, dropped, recording, relays, alerts};
    }

    public String key() { return key; }
    public ReadOnlyObjectProperty<StreamSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Protocol> protocolProperty() { return protocol.getReadOnlyProperty(); }
    public ReadOnlyStringProperty publisherProperty() { return publisher.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StreamState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Duration> uptimeProperty() { return uptime.getReadOnlyProperty(); }
    public ReadOnlyStringProperty videoCodecProperty() { return videoCodec.getReadOnlyProperty(); }
    public ReadOnlyStringProperty videoProfileProperty() { return videoProfile.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty widthProperty() { return width.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty heightProperty() { return height.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty fpsProperty() { return fps.getReadOnlyProperty(); }
    public ReadOnlyStringProperty audioCodecProperty() { return audioCodec.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty sampleRateProperty() { return sampleRate.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty channelsProperty() { return channels.getReadOnlyProperty(); }
    public ReadOnlyLongProperty bitrateInProperty() { return bitrateIn.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty playersProperty() { return players.getReadOnlyProperty(); }
    public ReadOnlyLongProperty bitrateOutProperty() { return bitrateOut.getReadOnlyProperty(); }
    public ReadOnlyLongProperty droppedProperty() { return dropped.getReadOnlyProperty(); }
    /** {@code AES-128} .. {@code AES-256}, {@code TLS}, {@code Off}; {@code null} when unknown. */
    public ReadOnlyStringProperty encryptionProperty() { return encryption.getReadOnlyProperty(); }
    /** The recording's state, {@code null} when the stream was never recorded. */
    public ReadOnlyObjectProperty<RecordingSnapshot.State> recordingProperty() { return recording.getReadOnlyProperty(); }
    public ReadOnlyStringProperty recordingFileProperty() { return recordingFile.getReadOnlyProperty(); }
    /** True while a start or stop of the recording is on its way to the engine. */
    public javafx.beans.property.ReadOnlyBooleanProperty recordingBusyProperty() { return recordingBusy.getReadOnlyProperty(); }
    void recordingBusy(boolean busy) { recordingBusy.set(busy); }
    /** Whether the record button should stop (rather than start) a recording. */
    public boolean isRecording() {
        RecordingSnapshot.State r = recording.get();
        return r == RecordingSnapshot.State.RECORDING || r == RecordingSnapshot.State.WAITING;
    }
    public ReadOnlyStringProperty relaysProperty() { return relays.getReadOnlyProperty(); }
    public ReadOnlyStringProperty alertsProperty() { return alerts.getReadOnlyProperty(); }
}

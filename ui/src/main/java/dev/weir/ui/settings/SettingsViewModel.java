package dev.weir.ui.settings;

import dev.weir.engine.ListenerException;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.config.RelaySettings.Destination;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.config.SrtSettings;
import dev.weir.engine.config.TlsSettings;
import dev.weir.engine.probe.TestCaller;
import dev.weir.ui.engine.EngineControl;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The settings forms, all editing one {@link EngineConfig}: listener addresses, chunk size, latency, SRT
 * encryption (one passphrase or a table per stream), relays, recording.
 *
 * <p>{@link #apply()} saves the configuration in the store and applies at once what the engine can change while
 * running — listener addresses (through the listener rows) and the per-stream passphrase table (the file is
 * rewritten and reloaded) — and lists what waits for {@link #restartEngine()}: the engine reads latency, chunk
 * size, the encryption mode, relays and recording settings when it starts. Store and engine calls run on the
 * background executor; results come back on the FX executor.
 */
public final class SettingsViewModel {
    private static final Logger log = LoggerFactory.getLogger(SettingsViewModel.class);

    private final EngineControl engine;
    private final ConfigStore store;
    private final Executor background;
    private final Executor fx;
    private final Consumer<EngineConfig> listenerAddresses;

    private final StringProperty rtmpListen = new SimpleStringProperty(this, "rtmpListen", "");
    private final StringProperty chunkSize = new SimpleStringProperty(this, "chunkSize", "");
    private final StringProperty rtmpsListen = new SimpleStringProperty(this, "rtmpsListen", "");
    private final StringProperty tlsCert = new SimpleStringProperty(this, "tlsCert", "");
    private final StringProperty tlsKey = new SimpleStringProperty(this, "tlsKey", "");
    private final StringProperty srtListen = new SimpleStringProperty(this, "srtListen", "");
    private final StringProperty latency = new SimpleStringProperty(this, "latency", "");
    private final ObjectProperty<SrtEncryption> encryption = new SimpleObjectProperty<>(this, "encryption", SrtEncryption.NONE);
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final ObjectProperty<Integer> keyLength = new SimpleObjectProperty<>(this, "keyLength", 16);
    private final ObservableList<StreamPassphrase> passphrases = FXCollections.observableArrayList();
    private final ObservableList<Destination> relays = FXCollections.observableArrayList();
    private final StringProperty recordDir = new SimpleStringProperty(this, "recordDir", "");
    private final BooleanProperty recordAll = new SimpleBooleanProperty(this, "recordAll");

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper restartNeeded = new ReadOnlyStringWrapper(this, "restartNeeded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private EngineConfig pending;   // saved but waiting for a restart
    private Path passphraseFile;    // the per-stream table's file, once known

    /**
     * @param listenerAddresses told the new configuration when it is applied, so the listener rows take new
     *                          addresses (and move running listeners) at once
     */
    public SettingsViewModel(EngineControl engine, ConfigStore store, Executor background, Executor fx,
                             Consumer<EngineConfig> listenerAddresses) {
        this.engine = Objects.requireNonNull(engine);
        this.store = Objects.requireNonNull(store);
        this.background = background;
        this.fx = fx;
        this.listenerAddresses = listenerAddresses;
        EngineConfig c = engine.config();
        load(c, readTable(c));
    }

    public StringProperty rtmpListenProperty() { return rtmpListen; }
    public StringProperty chunkSizeProperty() { return chunkSize; }
    public StringProperty rtmpsListenProperty() { return rtmpsListen; }
    public StringProperty tlsCertProperty() { return tlsCert; }
    public StringProperty tlsKeyProperty() { return tlsKey; }
    public StringProperty srtListenProperty() { return srtListen; }
    public StringProperty latencyProperty() { return latency; }
    public ObjectProperty<SrtEncryption> encryptionProperty() { return encryption; }
    public StringProperty passphraseProperty() { return passphrase; }
    public ObjectProperty<Integer> keyLengthProperty() { return keyLength; }
    public ObservableList<StreamPassphrase> passphrases() { return passphrases; }
    public ObservableList<Destination> relays() { return relays; }
    public StringProperty recordDirProperty() { return recordDir; }
    public BooleanProperty recordAllProperty() { return recordAll; }
    /** Why the form cannot be applied, in operator words; {@code null} when it can. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** What the last action did. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The saved settings that wait for an engine restart, or {@code null}. */
    public ReadOnlyStringProperty restartNeededProperty() { return restartNeeded.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /**
     * True while the console watches a remote server: the form still edits (and can save as a file) the local
     * engine's settings, but Apply and Restart are off.
     */
    public ReadOnlyBooleanProperty readOnlyProperty() { return readOnly.getReadOnlyProperty(); }
    public void setReadOnly(boolean value) { readOnly.set(value); }
    public Path storeLocation() { return store.location(); }

    /** Adds or replaces a stream's passphrase; returns the problem instead when the row cannot be used. */
    public String addPassphrase(String streamKey, String secret) {
        String problem = StreamPassphrase.problem(streamKey, secret);
        if (problem != null) return problem;
        String key = streamKey.strip();
        passphrases.removeIf(p -> p.streamKey().equals(key));
        passphrases.add(new StreamPassphrase(key, secret));
        return null;
    }

    /** Adds a relay destination ({@code streamKey} blank for every stream); returns the problem when it cannot. */
    public String addRelay(String streamKey, String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) return "Enter a destination URL (rtmp://, rtmps:// or srt://).";
        Destination d;
        try {
            d = new Destination(streamKey == null || streamKey.isBlank() ? null : streamKey.strip(), u);
            // the relay's own URL rule: host, port and options are checked as a relay would use them
            dev.weir.engine.relay.RelayUrls.redacted(u);
        } catch (IllegalArgumentException e) {
            return sentence(e.getMessage());
        }
        if (relays.stream().anyMatch(r -> Objects.equals(r.stream(), d.stream()) && r.url().equals(d.url()))) {
            return "That destination is already in the list.";
        }
        relays.add(d);
        return null;
    }

    /** A URL as the relay table shows it: credentials, tokens and passphrases as ***. */
    public static String shown(String url) {
        return TestCaller.redact(url);
    }

    /** The form as a configuration, or {@code null} with {@link #errorProperty()} saying why. */
    public EngineConfig draft() {
        try {
            EngineConfig c = build();
            error.set(null);
            return c;
        } catch (IllegalArgumentException e) {
            error.set(sentence(e.getMessage()));
            return null;
        }
    }

    private EngineConfig build() {
        EngineConfig base = engine.config();
        int chunk = number(chunkSize.get(), "Chunk size");
        int lat = number(latency.get(), "SRT latency");
        String secret = null;
        String file = null;
        switch (encryption.get()) {
            case NONE -> { }
            case ONE_PASSPHRASE -> {
                secret = passphrase.get() == null ? "" : passphrase.get();
                String problem = StreamPassphrase.problem("any/stream", secret);
                if (problem != null) throw new IllegalArgumentException(problem);
            }
            case PER_STREAM -> {
                if (passphrases.isEmpty()) {
                    throw new IllegalArgumentException("add at least one stream and its passphrase, or turn encryption off");
                }
                file = passphraseFile().toString();
            }
        }
        String cert = blankToNull(tlsCert.get());
        String key = blankToNull(tlsKey.get());
        String rtmps = cert == null ? null : blankToNull(rtmpsListen.get());
        return base.withRtmp(new RtmpSettings(blankToNull(rtmpListen.get()), chunk))
                .withSrt(new SrtSettings(blankToNull(srtListen.get()), lat, secret, keyLength.get(), file))
                .withTls(new TlsSettings(rtmps, cert, key))
                .withRelay(new RelaySettings(List.copyOf(relays)))
                .withRecording(new RecordingSettings(blankToNull(recordDir.get()), recordAll.get()));
    }

    private Path passphraseFile() {
        if (passphraseFile == null) {
            String configured = engine.config().srt().passphraseFile();
            passphraseFile = configured != null ? Path.of(configured) : store.defaultPassphraseFile();
        }
        return passphraseFile;
    }

    /**
     * Saves the form and applies what can change now; says what waits for a restart.
     */
    public void apply() {
        if (readOnly.get()) return;
        EngineConfig next = draft();
        if (next == null) return;
        EngineConfig running = engine.config();
        Map<String, String> table = tableOf(passphrases);
        List<String> later = restartItems(running, next);
        busy.set(true);
        status.set("Saving…");
        run(() -> {
            if (next.srt().passphraseFile() != null) store.writePassphrases(Path.of(next.srt().passphraseFile()), table);
            store.save(next);
            boolean reloadTable = later.stream().noneMatch(s -> s.startsWith("SRT encryption"))
                    && next.srt().passphraseFile() != null;
            List<String> reloaded = reloadTable ? engine.reloadAccessFiles() : List.of();
            return () -> {
                listenerAddresses.accept(next);
                pending = later.isEmpty() ? null : next;
                restartNeeded.set(later.isEmpty() ? null
                        : "Saved. These take effect when the engine restarts: " + String.join(", ", later) + ".");
                status.set("Saved to " + store.location() + (reloadTable ? "; per-stream passphrases applied"
                        + (reloaded.isEmpty() ? "" : " (" + reloaded.size() + " file reloaded)") : "") + ".");
            };
        });
    }

    /** Rebuilds the engine with the saved settings; running listeners come back on their addresses. */
    public void restartEngine() {
        if (readOnly.get()) return;
        EngineConfig next = pending != null ? pending : draft();
        if (next == null) return;
        busy.set(true);
        status.set("Restarting the engine…");
        run(() -> {
            engine.restart(next);
            return () -> {
                pending = null;
                restartNeeded.set(null);
                status.set("Engine restarted with the new settings.");
            };
        });
    }

    /** Loads a configuration file into the form (not applied until {@link #apply()}). */
    public void open(Path file) {
        busy.set(true);
        run(() -> {
            EngineConfig c = store.read(file);
            Map<String, String> table = c.srt().passphraseFile() == null ? Map.of()
                    : store.readPassphrases(Path.of(c.srt().passphraseFile()));
            return () -> {
                load(c, table);
                status.set("Opened " + file + ". Apply to use it.");
            };
        });
    }

    /** Writes the form to a configuration file ({@code weir server -config FILE} reads it). */
    public void saveAs(Path file) {
        EngineConfig c = draft();
        if (c == null) return;
        Map<String, String> table = tableOf(passphrases);
        busy.set(true);
        run(() -> {
            if (c.srt().passphraseFile() != null) store.writePassphrases(Path.of(c.srt().passphraseFile()), table);
            store.write(file, c);
            return () -> status.set("Saved as " + file + ".");
        });
    }

    /** Puts the running configuration back in the form. */
    public void revert() {
        EngineConfig c = engine.config();
        load(c, readTable(c));
        error.set(null);
        status.set("Back to the running settings.");
    }

    private Map<String, String> readTable(EngineConfig c) {
        if (c.srt().passphraseFile() == null) return Map.of();
        try {
            return store.readPassphrases(Path.of(c.srt().passphraseFile()));
        } catch (ConfigStoreException e) {
            error.set(e.getMessage());
            return Map.of();
        }
    }

    private void load(EngineConfig c, Map<String, String> table) {
        rtmpListen.set(nullToBlank(c.rtmp().listen()));
        chunkSize.set(Integer.toString(c.rtmp().chunkSize()));
        rtmpsListen.set(nullToBlank(c.tls().listen()));
        tlsCert.set(nullToBlank(c.tls().cert()));
        tlsKey.set(nullToBlank(c.tls().key()));
        srtListen.set(nullToBlank(c.srt().listen()));
        latency.set(Integer.toString(c.srt().latencyMs()));
        keyLength.set(c.srt().pbkeylen());
        passphrase.set(nullToBlank(c.srt().passphrase()));
        passphrases.clear();
        table.forEach((k, v) -> passphrases.add(new StreamPassphrase(k, v)));
        if (c.srt().passphraseFile() != null) {
            passphraseFile = Path.of(c.srt().passphraseFile());
            encryption.set(SrtEncryption.PER_STREAM);
        } else {
            encryption.set(c.srt().passphrase() != null ? SrtEncryption.ONE_PASSPHRASE : SrtEncryption.NONE);
        }
        relays.setAll(c.relay().destinations());
        recordDir.set(nullToBlank(c.recording().dir()));
        recordAll.set(c.recording().recordAll());
    }

    /** The settings the engine reads only when it starts, that differ between the two configurations. */
    static List<String> restartItems(EngineConfig running, EngineConfig next) {
        List<String> items = new ArrayList<>();
        if (running.rtmp().chunkSize() != next.rtmp().chunkSize()) items.add("RTMP chunk size");
        if (running.srt().latencyMs() != next.srt().latencyMs()) items.add("SRT latency");
        boolean modeChanged = (running.srt().passphrase() == null) != (next.srt().passphrase() == null)
                || (running.srt().passphraseFile() == null) != (next.srt().passphraseFile() == null)
                || !Objects.equals(running.srt().passphrase(), next.srt().passphrase())
                || running.srt().pbkeylen() != next.srt().pbkeylen();
        if (modeChanged) items.add("SRT encryption");
        if (!Objects.equals(running.tls().cert(), next.tls().cert()) || !Objects.equals(running.tls().key(), next.tls().key())) {
            items.add("RTMPS certificate");
        }
        if (!running.relay().equals(next.relay())) items.add("relays");
        if (!running.recording().equals(next.recording())) items.add("recording directory and record-all");
        return items;
    }

    private interface Work {
        Runnable call() throws ConfigStoreException, ListenerException;
    }

    private void run(Work work) {
        background.execute(() -> {
            Runnable done;
            try {
                done = work.call();
            } catch (ConfigStoreException | ListenerException | RuntimeException e) {
                log.warn("settings: {}", e.getMessage());
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                done = () -> error.set(sentence(m));
            }
            Runnable finish = done;
            fx.execute(() -> {
                busy.set(false);
                finish.run();
            });
        });
    }

    private static Map<String, String> tableOf(List<StreamPassphrase> rows) {
        Map<String, String> m = new LinkedHashMap<>();
        for (StreamPassphrase p : rows) m.put(p.streamKey(), p.passphrase());
        return m;
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }

    private static String sentence(String m) {
        if (m == null || m.isEmpty()) return m;
        String s = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}

package dev.weir.ui.listeners;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.Executor;

/** The listeners the operator can start: RTMP, RTMPS and SRT, each with its address from the configuration. */
public final class ListenersViewModel {
    /** Addresses offered when the configuration names none. */
    public static final String DEFAULT_RTMP = ":1935";
    public static final String DEFAULT_RTMPS = ":1936";
    public static final String DEFAULT_SRT = ":10080";

    private final ListenerRowViewModel rtmp;
    private final ListenerRowViewModel rtmps;
    private final ListenerRowViewModel srt;
    private final ObservableList<ListenerRowViewModel> rows;
    private final ObservableList<ListenerRowViewModel> remoteRows = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(ListenerRowViewModel.mirror(Protocol.RTMP),
                    ListenerRowViewModel.mirror(Protocol.RTMPS), ListenerRowViewModel.mirror(Protocol.SRT)));
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper(this, "remote");

    public ListenersViewModel(EngineConfig config, ListenerControl control, Executor background, Executor fx) {
        this.rtmp = new ListenerRowViewModel(Protocol.RTMP, or(config.rtmp().listen(), DEFAULT_RTMP), control, background, fx);
        this.rtmps = new ListenerRowViewModel(Protocol.RTMPS, or(config.tls().listen(), DEFAULT_RTMPS), control, background, fx);
        this.srt = new ListenerRowViewModel(Protocol.SRT, or(config.srt().listen(), DEFAULT_SRT), control, background, fx);
        this.rows = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(rtmp, rtmps, srt));
    }

    private static String or(String address, String fallback) {
        return address == null || address.isBlank() ? fallback : address;
    }

    /** The local engine's rows, which start and stop listeners. */
    public ObservableList<ListenerRowViewModel> rows() { return rows; }
    /** Rows that show a remote server's listeners while the console is attached to one. */
    public ObservableList<ListenerRowViewModel> remoteRows() { return remoteRows; }
    /** True while the snapshots are a remote server's: the view shows {@link #remoteRows()}. */
    public ReadOnlyBooleanProperty remoteProperty() { return remote.getReadOnlyProperty(); }

    /** Switches between the local rows and the remote ones; the local rows keep their listeners meanwhile. */
    public void showRemote(boolean attached) {
        remote.set(attached);
    }
    public ListenerRowViewModel rtmp() { return rtmp; }
    public ListenerRowViewModel rtmps() { return rtmps; }
    public ListenerRowViewModel srt() { return srt; }

    public ListenerRowViewModel row(Protocol protocol) {
        return switch (protocol) {
            case RTMP -> rtmp;
            case RTMPS -> rtmps;
            case SRT -> srt;
        };
    }

    public void update(EngineSnapshot snapshot) {
        for (ListenerRowViewModel row : remote.get() ? remoteRows : rows) {
            row.update(snapshot);
        }
    }
}

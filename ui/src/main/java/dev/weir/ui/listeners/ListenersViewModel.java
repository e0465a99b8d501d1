package dev.weir.ui.listeners;

import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.Protocol;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.Executor;

/** The listeners pane: one row per listener the operator can start. The first slice has the RTMP row only. */
public final class ListenersViewModel {
    private final ListenerRowViewModel rtmp;
    private final ObservableList<ListenerRowViewModel> rows;

    public ListenersViewModel(String rtmpAddress, ListenerControl control, Executor background, Executor fx) {
        this.rtmp = new ListenerRowViewModel(Protocol.RTMP, rtmpAddress, control, background, fx);
        this.rows = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(rtmp));
    }

    public ObservableList<ListenerRowViewModel> rows() {
        return rows;
    }

    public ListenerRowViewModel rtmp() {
        return rtmp;
    }

    public void update(EngineSnapshot snapshot) {
        for (ListenerRowViewModel row : rows) {
            row.update(snapshot);
        }
    }
}

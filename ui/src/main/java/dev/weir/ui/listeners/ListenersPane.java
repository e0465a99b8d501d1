package dev.weir.ui.listeners;

import javafx.scene.layout.Region;
import javafx.geometry.VPos;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The listeners section: per listener, its protocol, an address field, a start/stop button, its state and
 * connection count, and a line for the reason it failed. Node ids are {@code <protocol>-address},
 * {@code -toggle}, {@code -state}, {@code -connections} and {@code -error} (protocol in lower case).
 */
public final class ListenersPane extends VBox {

    public ListenersPane(ListenersViewModel viewModel) {
        getStyleClass().add("listeners-pane");
        Label title = new Label("Listeners");
        title.getStyleClass().add("section-title");

        GridPane local = grid(viewModel.rows(), "");
        GridPane remote = grid(viewModel.remoteRows(), "remote-");
        remote.setId("remote-listeners");
        local.visibleProperty().bind(viewModel.remoteProperty().not());
        local.managedProperty().bind(local.visibleProperty());
        remote.visibleProperty().bind(viewModel.remoteProperty());
        remote.managedProperty().bind(remote.visibleProperty());
        getChildren().addAll(title, local, remote);
    }

    /** One grid of rows; the remote server's rows get ids prefixed {@code remote-} and no working buttons. */
    private static GridPane grid(Iterable<ListenerRowViewModel> rows, String idPrefix) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("listeners-grid");
        grid.getColumnConstraints().addAll(
                column(72, Priority.NEVER),
                column(220, Priority.NEVER),
                column(80, Priority.NEVER),
                column(100, Priority.NEVER),
                column(260, Priority.ALWAYS));
        int line = 0;
        for (ListenerRowViewModel row : rows) {
            addRow(grid, line, row, idPrefix);
            line += 2;
        }
        return grid;
    }

    private static void addRow(GridPane grid, int line, ListenerRowViewModel row, String idPrefix) {
        String prefix = idPrefix + row.protocol().name().toLowerCase(Locale.ROOT);

        Label protocol = new Label(row.protocol().name());
        protocol.getStyleClass().add("protocol-badge");

        TextField address = new TextField();
        address.setId(prefix + "-address");
        address.setPromptText(switch (row.protocol()) {
            case RTMP -> ":1935 or 127.0.0.1:1935";
            case RTMPS -> ":1936 (needs a certificate)";
            case SRT -> ":10080 (UDP)";
        });
        address.textProperty().bindBidirectional(row.addressProperty());
        address.disableProperty().bind(Bindings.createBooleanBinding(
                () -> row.isMirror() || row.stateProperty().get() != ListenerRowState.STOPPED
                        && row.stateProperty().get() != ListenerRowState.FAILED,
                row.stateProperty()));
        address.setOnAction(e -> row.start());

        Button toggle = new Button();
        toggle.setId(prefix + "-toggle");
        toggle.setMaxWidth(Double.MAX_VALUE);
        toggle.textProperty().bind(Bindings.createStringBinding(
                () -> switch (row.stateProperty().get()) {
                    case RUNNING, STOPPING -> "Stop";
                    case STOPPED, STARTING, FAILED -> "Start";
                },
                row.stateProperty()));
        toggle.disableProperty().bind(Bindings.createBooleanBinding(
                () -> row.isMirror() || !row.stateProperty().get().isSettled(), row.stateProperty()));
        toggle.setOnAction(e -> row.toggle());

        Label state = new Label();
        state.setId(prefix + "-state");
        state.getStyleClass().add("listener-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> row.stateProperty().get().label(), row.stateProperty()));
        row.stateProperty().subscribe((old, now) -> {
            state.getStyleClass().remove(stateClass(old));
            state.getStyleClass().add(stateClass(now));
        });
        state.getStyleClass().add(stateClass(row.stateProperty().get()));

        Label connections = new Label();
        connections.setId(prefix + "-connections");
        connections.getStyleClass().add("listener-connections");
        connections.textProperty().bind(Bindings.createStringBinding(
                () -> row.stateProperty().get() == ListenerRowState.RUNNING
                        ? row.connectionsProperty().get() + (row.connectionsProperty().get() == 1 ? " connection" : " connections")
                        + " · " + row.acceptedProperty().get() + " accepted · " + row.rejectedProperty().get() + " rejected"
                        : "",
                row.stateProperty(), row.connectionsProperty(), row.acceptedProperty(), row.rejectedProperty()));

        Label error = new Label();
        error.setId(prefix + "-error");
        error.getStyleClass().add("listener-error");
        error.setWrapText(true);
        error.textProperty().bind(row.errorProperty());
        error.visibleProperty().bind(row.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        grid.add(protocol, 0, line);
        grid.add(address, 1, line);
        grid.add(toggle, 2, line);
        grid.add(state, 3, line);
        grid.add(connections, 4, line);
        grid.add(error, 1, line + 1, 4, 1);
        GridPane.setHalignment(protocol, HPos.LEFT);
        for (var node : grid.getChildren()) {
            GridPane.setValignment(node, VPos.CENTER);
        }
        state.setAlignment(Pos.CENTER_LEFT);
    }

    private static String stateClass(ListenerRowState state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT);
    }

    private static ColumnConstraints column(double prefWidth, Priority grow) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPrefWidth(prefWidth);
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setHgrow(grow);
        return c;
    }
}

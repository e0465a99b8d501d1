package dev.weir.ui.dashboard;

import dev.weir.ui.format.BitrateFormat;
import dev.weir.ui.listeners.ListenersPane;
import dev.weir.ui.listeners.ListenersViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The dashboard: the listeners with start/stop, then one tile per total. Tile value ids: {@code total-*}. */
public final class DashboardPage extends VBox {

    public DashboardPage(ListenersViewModel listeners, DashboardViewModel vm,
                         javafx.collections.ObservableList<dev.weir.ui.alerts.Alert> alerts) {
        setId("dashboard-page");
        getStyleClass().addAll("page", "dashboard-page");
        Label title = new Label("Dashboard");
        title.getStyleClass().add("page-title");
        ListenersPane listenersPane = new ListenersPane(listeners);
        listenersPane.getStyleClass().add("card");

        Label totalsTitle = new Label("Now");
        totalsTitle.getStyleClass().add("section-title");
        FlowPane tiles = new FlowPane(12, 12,
                tile("total-streams", "Streams", Bindings.createStringBinding(
                        () -> vm.streamsProperty().get() + "", vm.streamsProperty()),
                        Bindings.createStringBinding(() -> vm.publishingProperty().get() + " publishing", vm.publishingProperty())),
                tile("total-connections", "Connections", Bindings.createStringBinding(
                        () -> vm.connectionsProperty().get() + "", vm.connectionsProperty()),
                        Bindings.createStringBinding(() -> vm.playersProperty().get() + " players", vm.playersProperty())),
                tile("total-bitrate-in", "Bit rate in", Bindings.createStringBinding(
                        () -> BitrateFormat.format(vm.bitrateInProperty().get()), vm.bitrateInProperty()), null),
                tile("total-bitrate-out", "Bit rate out", Bindings.createStringBinding(
                        () -> BitrateFormat.format(vm.bitrateOutProperty().get()), vm.bitrateOutProperty()), null),
                tile("total-recordings", "Recordings", Bindings.createStringBinding(
                        () -> vm.recordingsProperty().get() + "", vm.recordingsProperty()), null),
                tile("total-relays", "Relays", Bindings.createStringBinding(
                        () -> vm.relaysProperty().get() + "", vm.relaysProperty()),
                        Bindings.createStringBinding(() -> vm.relaysRunningProperty().get() + " running", vm.relaysRunningProperty())),
                tile("total-rejected", "Rejected", Bindings.createStringBinding(
                        () -> vm.rejectedProperty().get() + "", vm.rejectedProperty()),
                        new javafx.beans.property.SimpleStringProperty("attempts since start")));
        tiles.getStyleClass().add("tiles");
        Label alertsTitle = new Label("Recent events");
        alertsTitle.getStyleClass().add("section-title");
        javafx.scene.control.ListView<dev.weir.ui.alerts.Alert> list = new javafx.scene.control.ListView<>(
                new javafx.collections.transformation.SortedList<>(alerts,
                        java.util.Comparator.comparing(dev.weir.ui.alerts.Alert::at).reversed()));
        list.setId("dashboard-alerts");
        list.getStyleClass().add("alerts-list");
        Label none = new Label("Nothing yet: publishers coming and going, failing recordings and relays, and refused callers show here.");
        none.getStyleClass().add("placeholder");
        list.setPlaceholder(none);
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault());
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(dev.weir.ui.alerts.Alert a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().remove("alert-warning");
                setText(empty || a == null ? null : time.format(a.at()) + "   " + a.text());
                if (a != null && !empty && a.kind().warning()) getStyleClass().add("alert-warning");
            }
        });
        javafx.scene.layout.VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, listenersPane, totalsTitle, tiles, alertsTitle, list);
    }

    private static VBox tile(String id, String name, ObservableValue<String> value, ObservableValue<String> note) {
        Label n = new Label(name);
        n.getStyleClass().add("tile-name");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("tile-value");
        v.textProperty().bind(value);
        VBox box = new VBox(2, n, v);
        if (note != null) {
            Label s = new Label();
            s.getStyleClass().add("tile-note");
            s.textProperty().bind(note);
            box.getChildren().add(s);
        }
        box.getStyleClass().add("tile");
        return box;
    }
}

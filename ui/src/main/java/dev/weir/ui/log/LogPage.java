package dev.weir.ui.log;

import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The log screen: a level filter over a list that follows the newest line. */
public final class LogPage extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    public LogPage(LogViewModel viewModel) {
        setId("log-page");
        getStyleClass().addAll("page", "log-page");
        Label title = new Label("Log");
        title.getStyleClass().add("page-title");
        ChoiceBox<LogLevel> level = new ChoiceBox<>();
        level.setId("log-level");
        level.getItems().setAll(LogLevel.values());
        level.valueProperty().bindBidirectional(viewModel.minimumProperty());
        Label levelLabel = new Label("Show");
        Label andAbove = new Label("and above");
        HBox bar = new HBox(8, title, spacer(), levelLabel, level, andAbove);
        bar.setAlignment(Pos.CENTER_LEFT);

        ListView<LogLine> list = new ListView<>(viewModel.shown());
        list.setId("log-list");
        list.getStyleClass().add("log-list");
        list.setCellFactory(v -> new LogCell());
        Label empty = new Label("No log lines at this level yet.");
        empty.getStyleClass().add("placeholder");
        list.setPlaceholder(empty);
        viewModel.shown().subscribe(() -> {
            if (!viewModel.shown().isEmpty()) list.scrollTo(viewModel.shown().size() - 1);
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
    }

    private static HBox spacer() {
        HBox s = new HBox();
        HBox.setHgrow(s, Priority.ALWAYS);
        return s;
    }

    private static final class LogCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(c -> c.startsWith("log-"));
            if (empty || line == null) {
                setText(null);
                return;
            }
            String logger = line.logger();
            int dot = logger == null ? -1 : logger.lastIndexOf('.');
            setText(TIME.format(line.time()) + "  " + String.format(Locale.ROOT, "%-5s", line.level()) + "  "
                    + (dot < 0 ? logger : logger.substring(dot + 1)) + "  " + line.message());
            getStyleClass().add("log-" + line.level().name().toLowerCase(Locale.ROOT));
        }
    }
}

package dev.weir.ui.streams;

import dev.weir.engine.stats.RecordingSnapshot;
import javafx.scene.control.Button;

import dev.weir.engine.stats.StreamSnapshot.StreamState;
import dev.weir.ui.format.BitrateFormat;
import dev.weir.ui.format.DurationFormat;
import dev.weir.ui.format.MediaFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The live streams table. Columns show the row view model's raw values through formatting cells, so sorting by
 * bit rate or uptime sorts by number, and a sorted table re-sorts as the numbers move.
 */
public final class StreamsTable extends TableView<StreamRowViewModel> {

    public StreamsTable(StreamsViewModel viewModel) {
        setId("streams-table");
        getStyleClass().add("streams-table");
        SortedList<StreamRowViewModel> sorted = new SortedList<>(viewModel.filteredRows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label("No live streams. A publisher shows up here as soon as it connects.");
        placeholder.getStyleClass().add("placeholder");
        setPlaceholder(placeholder);

        TableColumn<StreamRowViewModel, String> key = text("Key", 108, r -> Bindings.createStringBinding(r::key));
        key.setId("col-key");

        TableColumn<StreamRowViewModel, Void> video = new TableColumn<>("Video");
        video.getColumns().addAll(List.<TableColumn<StreamRowViewModel, ?>>of(
                named("col-video-codec", text("Codec", 50, StreamRowViewModel::videoCodecProperty)),
                named("col-video-profile", text("Profile", 54, StreamRowViewModel::videoProfileProperty)),
                named("col-resolution", text("Resolution", 84,
                        r -> Bindings.createStringBinding(
                                () -> MediaFormat.resolution(r.widthProperty().get(), r.heightProperty().get()),
                                r.widthProperty(), r.heightProperty()))),
                named("col-fps", number("FPS", 44, r -> r.fpsProperty().asObject(), MediaFormat::frameRate))));

        TableColumn<StreamRowViewModel, String> audio = named2("col-audio-codec", text("Audio", 52, StreamRowViewModel::audioCodecProperty));

        getColumns().addAll(List.<TableColumn<StreamRowViewModel, ?>>of(
                key,
                named("col-protocol", text("Protocol", 68, r -> Bindings.createStringBinding(
                        () -> r.protocolProperty().get() == null ? null : r.protocolProperty().get().name(),
                        r.protocolProperty()))),
                named("col-publisher", text("Publisher", 114, StreamRowViewModel::publisherProperty)),
                named("col-state", text("State", 52, r -> Bindings.createStringBinding(
                        () -> r.stateProperty().get() == null ? null : stateLabel(r.stateProperty().get()),
                        r.stateProperty()))),
                named("col-uptime", number("Uptime", 62, StreamRowViewModel::uptimeProperty, DurationFormat::format)),
                video,
                audio,
                named("col-bitrate-in", number("In", 70, r -> r.bitrateInProperty().asObject(), BitrateFormat::format)),
                named("col-players", number("Players", 60, r -> r.playersProperty().asObject(), String::valueOf)),
                named("col-bitrate-out", number("Out", 70, r -> r.bitrateOutProperty().asObject(), BitrateFormat::format)),
                named("col-encryption", text("Encryption", 86, StreamRowViewModel::encryptionProperty)),
                named("col-recording", recordColumn(viewModel)),
                named("col-relays", text("Relays", 68, StreamRowViewModel::relaysProperty)),
                named("col-alerts", text("Alerts", 90, StreamRowViewModel::alertsProperty))));
    }

    /** A button per row: Record when not recording, Stop when it is; the engine call runs off the FX thread. */
    private static TableColumn<StreamRowViewModel, RecordingSnapshot.State> recordColumn(StreamsViewModel viewModel) {
        TableColumn<StreamRowViewModel, RecordingSnapshot.State> column = new TableColumn<>("Recording");
        column.setPrefWidth(100);
        column.setMinWidth(100);
        column.setCellValueFactory(f -> f.getValue().recordingProperty());
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button();

            {
                button.getStyleClass().add("record-button");
                button.setMinWidth(92);
                button.setOnAction(e -> {
                    StreamRowViewModel row = getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null) viewModel.toggleRecording(row);
                });
            }

            @Override
            protected void updateItem(RecordingSnapshot.State state, boolean empty) {
                super.updateItem(state, empty);
                StreamRowViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                boolean recording = state == RecordingSnapshot.State.RECORDING || state == RecordingSnapshot.State.WAITING;
                button.setText(recording ? "■ Stop" : "● Record");
                button.setId("record-" + row.key().replace('/', '-'));
                button.getStyleClass().remove("recording");
                if (recording) button.getStyleClass().add("recording");
                button.disableProperty().bind(row.recordingBusyProperty().or(viewModel.readOnlyProperty()));
                setGraphic(button);
            }
        });
        return column;
    }

    private static String stateLabel(StreamState state) {
        return switch (state) {
            case PUBLISHING -> "Live";
            case IDLE -> "Idle";
        };
    }

    private static <T> TableColumn<StreamRowViewModel, T> named2(String id, TableColumn<StreamRowViewModel, T> column) {
        column.setId(id);
        return column;
    }

    private static TableColumn<StreamRowViewModel, ?> named(String id, TableColumn<StreamRowViewModel, ?> column) {
        column.setId(id);
        return column;
    }

    private static TableColumn<StreamRowViewModel, String> text(
            String title, double width, Function<StreamRowViewModel, ObservableValue<String>> value) {
        TableColumn<StreamRowViewModel, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        column.setCellFactory(c -> new FormattedCell<>(MediaFormat::text, Pos.CENTER_LEFT));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        return column;
    }

    private static <T extends Comparable<T>> TableColumn<StreamRowViewModel, T> number(
            String title, double width, Function<StreamRowViewModel, ObservableValue<T>> value,
            Function<T, String> format) {
        TableColumn<StreamRowViewModel, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        column.setCellFactory(c -> new FormattedCell<>(format, Pos.CENTER_RIGHT));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.getStyleClass().add("numeric");
        return column;
    }

    /** Shows a raw value through a format; empty rows stay empty. */
    private static final class FormattedCell<T> extends TableCell<StreamRowViewModel, T> {
        private final Function<T, String> format;

        FormattedCell(Function<T, String> format, Pos alignment) {
            this.format = format;
            setAlignment(alignment);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? MediaFormat.UNKNOWN : format.apply(item));
        }
    }
}

package dev.weir.ui;

import javafx.scene.layout.Priority;
import dev.weir.ui.detail.StreamDetailPane;
import dev.weir.ui.detail.StreamDetailViewModel;
import dev.weir.ui.listeners.ListenersPane;
import dev.weir.ui.streams.StreamRowViewModel;
import dev.weir.ui.streams.StreamsTable;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content, top to bottom: listeners, live streams, the selected stream's detail, a status line.
 */
final class ConsoleView extends BorderPane {
    private final ConsoleViewModel viewModel;
    private final StackPane detailHolder = new StackPane();
    private final Label noSelection = new Label("Select a stream to see its details and bit rate.");
    private StreamDetailPane detailPane;

    ConsoleView(ConsoleViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("console");

        ListenersPane listeners = new ListenersPane(viewModel.listeners());

        Label streamsTitle = new Label("Live streams");
        streamsTitle.getStyleClass().add("section-title");
        StreamsTable table = new StreamsTable(viewModel.streams());
        VBox streams = new VBox(streamsTitle, table);
        streams.getStyleClass().add("streams-pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().subscribe(
                (StreamRowViewModel row) -> viewModel.select(row == null ? null : row.key()));

        noSelection.getStyleClass().add("placeholder");
        detailHolder.getStyleClass().add("detail-holder");
        detailHolder.getChildren().setAll(noSelection);
        viewModel.detailProperty().subscribe(this::showDetail);

        SplitPane split = new SplitPane(streams, detailHolder);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);

        Label summary = new Label();
        summary.setId("status-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        HBox status = new HBox(summary);
        status.getStyleClass().add("status-bar");

        setTop(listeners);
        setCenter(split);
        setBottom(status);
    }

    private void showDetail(StreamDetailViewModel detail) {
        if (detailPane != null) {
            detailPane.dispose();
            detailPane = null;
        }
        if (detail == null) {
            detailHolder.getChildren().setAll(noSelection);
            return;
        }
        detailPane = new StreamDetailPane(detail);
        detailHolder.getChildren().setAll(detailPane);
    }

    /** Lets go of the detail pane's listeners; called when the window closes. */
    void dispose() {
        showDetail(null);
    }

    ConsoleViewModel viewModel() {
        return viewModel;
    }
}

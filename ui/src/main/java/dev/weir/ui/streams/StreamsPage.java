package dev.weir.ui.streams;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** The streams screen: a filter, the sortable table, and below it the selected stream's detail. */
public final class StreamsPage extends SplitPane {
    private final StreamsTable table;

    /** @param select told the selected key ({@code null} for none) */
    public StreamsPage(StreamsViewModel vm, StackPane detailHolder, Consumer<String> select) {
        setId("streams-page");
        getStyleClass().add("streams-page");
        Label title = new Label("Streams");
        title.getStyleClass().add("page-title");
        TextField filter = new TextField();
        filter.setId("streams-filter");
        filter.setPromptText("Filter by key, address, protocol, codec");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label error = new Label();
        error.setId("streams-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, error, spacer, filter);
        bar.setAlignment(Pos.CENTER_LEFT);

        table = new StreamsTable(vm);
        VBox top = new VBox(8, bar, table);
        top.getStyleClass().add("page");
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().subscribe(
                (StreamRowViewModel row) -> select.accept(row == null ? null : row.key()));
        detailHolder.getStyleClass().add("detail-holder");
        getItems().addAll(top, detailHolder);
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.42);
    }

    public StreamsTable table() {
        return table;
    }
}

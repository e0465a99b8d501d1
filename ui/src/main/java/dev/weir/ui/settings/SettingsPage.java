package dev.weir.ui.settings;

import dev.weir.engine.config.RelaySettings.Destination;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.Function;

/**
 * The settings screen: one form per concern (listeners, SRT, encryption, relays, recording) over the one
 * configuration, then Apply. Node ids: {@code settings-*}.
 */
public final class SettingsPage extends ScrollPane {

    public SettingsPage(SettingsViewModel vm) {
        setId("settings-page");
        getStyleClass().addAll("page-scroll");
        setFitToWidth(true);
        VBox content = new VBox(14);
        content.getStyleClass().addAll("page", "settings-page");

        Label title = new Label("Settings");
        title.getStyleClass().add("page-title");
        Label where = new Label("Saved in " + vm.storeLocation() + ": the JSON 'weir server -config FILE' reads.");
        where.getStyleClass().add("hint");

        VBox left = new VBox(14,
                section("Listeners", "Addresses apply at once: a running listener moves to its new address.", form(
                        row("RTMP address", field("settings-rtmp-listen", vm.rtmpListenProperty(), ":1935")),
                        row("RTMP chunk size", field("settings-chunk-size", vm.chunkSizeProperty(), "4096")),
                        row("RTMPS address", field("settings-rtmps-listen", vm.rtmpsListenProperty(), ":1936")),
                        row("RTMPS certificate", field("settings-tls-cert", vm.tlsCertProperty(), "PEM file")),
                        row("RTMPS key", field("settings-tls-key", vm.tlsKeyProperty(), "PEM file")),
                        row("SRT address", field("settings-srt-listen", vm.srtListenProperty(), ":10080")),
                        row("SRT latency (ms)", field("settings-latency", vm.latencyProperty(), "120")))),
                section("Recording", "The Streams screen starts and stops recordings per stream.", form(
                        row("Directory", field("settings-record-dir", vm.recordDirProperty(), "recordings")),
                        row("", recordAll(vm)))));
        VBox right = new VBox(14,
                section("SRT encryption", "Passphrases are 10 to 80 characters; never shown or logged.", encryption(vm)),
                section("Relays", "Push published streams to rtmp://, rtmps:// or srt:// destinations.", relays(vm)));
        HBox columns = new HBox(14, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(520);
        right.setPrefWidth(560);
        content.getChildren().addAll(title, where, actions(vm), columns);
        setContent(content);
    }

    private static Region encryption(SettingsViewModel vm) {
        ChoiceBox<SrtEncryption> mode = new ChoiceBox<>();
        mode.setId("settings-encryption");
        mode.getItems().setAll(SrtEncryption.values());
        mode.valueProperty().bindBidirectional(vm.encryptionProperty());
        ChoiceBox<Integer> keyLength = new ChoiceBox<>();
        keyLength.setId("settings-key-length");
        keyLength.getItems().setAll(16, 24, 32);
        keyLength.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Integer n) { return n == null ? "" : "AES-" + n * 8; }
            @Override public Integer fromString(String s) { return Integer.parseInt(s.substring(4)) / 8; }
        });
        keyLength.valueProperty().bindBidirectional(vm.keyLengthProperty());
        PasswordField one = new PasswordField();
        one.setId("settings-passphrase");
        one.setPromptText("10 to 80 characters");
        one.textProperty().bindBidirectional(vm.passphraseProperty());
        GridPane global = form(row("Encryption", mode), row("Key length", keyLength), row("Passphrase", one));
        one.getParent();
        one.disableProperty().bind(vm.encryptionProperty().isNotEqualTo(SrtEncryption.ONE_PASSPHRASE));

        TableView<StreamPassphrase> table = new TableView<>(vm.passphrases());
        table.setId("settings-passphrases");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(130);
        table.setPlaceholder(new Label("No per-stream passphrases."));
        table.getColumns().add(column("Stream key", 220, p -> p.streamKey()));
        table.getColumns().add(column("Passphrase", 160, p -> "••••••••"));
        table.getColumns().add(removeColumn(vm.passphrases()));
        TextField key = new TextField();
        key.setId("settings-passphrase-key");
        key.setPromptText("live/studio1");
        PasswordField secret = new PasswordField();
        secret.setId("settings-passphrase-secret");
        secret.setPromptText("passphrase");
        Label problem = errorLabel("settings-passphrase-problem");
        Button add = new Button("Add");
        add.setId("settings-passphrase-add");
        add.setOnAction(e -> {
            String p = vm.addPassphrase(key.getText(), secret.getText());
            problem.setText(p);
            if (p == null) {
                key.clear();
                secret.clear();
            }
        });
        HBox addRow = new HBox(8, key, secret, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        VBox perStream = new VBox(6, table, addRow, problem);
        perStream.disableProperty().bind(vm.encryptionProperty().isNotEqualTo(SrtEncryption.PER_STREAM));
        return new VBox(8, global, perStream);
    }

    private static Region relays(SettingsViewModel vm) {
        TableView<Destination> table = new TableView<>(vm.relays());
        table.setId("settings-relays");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(130);
        table.setPlaceholder(new Label("No relays."));
        table.getColumns().add(column("Stream", 160, d -> d.stream() == null ? "every stream" : d.stream()));
        table.getColumns().add(column("Destination", 420, d -> SettingsViewModel.shown(d.url())));
        table.getColumns().add(removeColumn(vm.relays()));
        TextField stream = new TextField();
        stream.setId("settings-relay-stream");
        stream.setPromptText("stream (empty: all)");
        TextField url = new TextField();
        url.setId("settings-relay-url");
        url.setPromptText("srt://host:port?… or rtmp://host/app/name");
        HBox.setHgrow(url, Priority.ALWAYS);
        Label problem = errorLabel("settings-relay-problem");
        Button add = new Button("Add");
        add.setId("settings-relay-add");
        add.setOnAction(e -> {
            String p = vm.addRelay(stream.getText(), url.getText());
            problem.setText(p);
            if (p == null) {
                stream.clear();
                url.clear();
            }
        });
        HBox addRow = new HBox(8, stream, url, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, table, addRow, problem);
    }

    private static CheckBox recordAll(SettingsViewModel vm) {
        CheckBox all = new CheckBox("Record every stream when it is published");
        all.setId("settings-record-all");
        all.selectedProperty().bindBidirectional(vm.recordAllProperty());
        return all;
    }

    private static Region actions(SettingsViewModel vm) {
        Button apply = new Button("Apply");
        apply.setId("settings-apply");
        apply.getStyleClass().add("accent");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> vm.apply());
        apply.disableProperty().bind(vm.busyProperty().or(vm.readOnlyProperty()));
        Button revert = new Button("Revert");
        revert.setId("settings-revert");
        revert.setOnAction(e -> vm.revert());
        Button open = new Button("Open file…");
        open.setId("settings-open");
        open.setOnAction(e -> {
            File f = chooser("Open a Weir configuration").showOpenDialog(open.getScene().getWindow());
            if (f != null) vm.open(f.toPath());
        });
        Button saveAs = new Button("Save as…");
        saveAs.setId("settings-save-as");
        saveAs.setOnAction(e -> {
            File f = chooser("Save the configuration as").showSaveDialog(saveAs.getScene().getWindow());
            if (f != null) vm.saveAs(f.toPath());
        });
        Button restart = new Button("Restart engine now");
        restart.setId("settings-restart");
        restart.getStyleClass().add("warning");
        restart.setOnAction(e -> vm.restartEngine());
        restart.visibleProperty().bind(vm.restartNeededProperty().isNotEmpty());
        restart.managedProperty().bind(restart.visibleProperty());
        restart.disableProperty().bind(vm.busyProperty().or(vm.readOnlyProperty()));

        Label error = errorLabel("settings-error");
        error.textProperty().bind(vm.errorProperty());
        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        Label restartNeeded = new Label();
        restartNeeded.setId("settings-restart-needed");
        restartNeeded.getStyleClass().add("warning-text");
        restartNeeded.setWrapText(true);
        restartNeeded.textProperty().bind(vm.restartNeededProperty());
        restartNeeded.visibleProperty().bind(vm.restartNeededProperty().isNotEmpty());
        restartNeeded.managedProperty().bind(restartNeeded.visibleProperty());
        HBox buttons = new HBox(8, apply, revert, open, saveAs, restart);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, buttons, error, restartNeeded, status);
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON configuration", "*.json"));
        return c;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> Bindings.createStringBinding(() -> text.apply(f.getValue())));
        return c;
    }

    private static <T> TableColumn<T, Void> removeColumn(javafx.collections.ObservableList<T> items) {
        TableColumn<T, Void> c = new TableColumn<>("");
        c.setPrefWidth(90);
        c.setMaxWidth(90);
        c.setMinWidth(90);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            private final Button remove = new Button("Remove");

            {
                remove.getStyleClass().add("small");
                remove.setOnAction(e -> items.remove(getTableRow().getItem()));
            }

            @Override
            protected void updateItem(Void item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || getTableRow() == null || getTableRow().getItem() == null ? null : remove);
            }
        });
        return c;
    }

    private static VBox section(String title, String hint, Region body) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        Label h = new Label(hint);
        h.getStyleClass().add("hint");
        h.setWrapText(true);
        VBox box = new VBox(6, t, h, body);
        box.getStyleClass().add("card");
        return box;
    }

    private record Row(String label, Region control) {}

    private static Row row(String label, Region control) {
        return new Row(label, control);
    }

    private static GridPane form(Row... rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints names = new ColumnConstraints(130);
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints(200, 300, Double.MAX_VALUE);
        grid.getColumnConstraints().addAll(names, values);
        for (int i = 0; i < rows.length; i++) {
            Label l = new Label(rows[i].label());
            l.getStyleClass().add("form-label");
            grid.addRow(i, l, rows[i].control());
        }
        return grid;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        f.setMaxWidth(340);
        return f;
    }

    private static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("error-text");
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }
}

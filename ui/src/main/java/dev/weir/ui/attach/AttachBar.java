package dev.weir.ui.attach;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The top of the window for remote servers: the attach form while the operator types an address
 * ({@code attach-address}, {@code attach-go}, {@code attach-cancel}, {@code attach-error}), and while attached the
 * read-only banner ({@code attached-indicator}, {@code attach-status}, {@code detach-button}). Both hide when not
 * in use, so the window looks as before when nobody attaches.
 */
public final class AttachBar extends VBox {

    public AttachBar(AttachViewModel vm) {
        getStyleClass().add("attach-bars");
        getChildren().addAll(form(vm), banner(vm));
    }

    private static Region form(AttachViewModel vm) {
        Label prompt = new Label("Remote weir server's API (its -metrics-addr):");
        TextField address = new TextField();
        address.setId("attach-address");
        address.setPromptText("http://10.0.0.5:8080");
        address.setPrefColumnCount(28);
        address.textProperty().bindBidirectional(vm.addressProperty());
        address.setOnAction(e -> vm.attach());
        Button go = new Button("Attach");
        go.setId("attach-go");
        go.getStyleClass().add("accent");
        go.setOnAction(e -> vm.attach());
        Button cancel = new Button("Cancel");
        cancel.setId("attach-cancel");
        cancel.setOnAction(e -> vm.editingProperty().set(false));
        Label hint = new Label("Watch only: nothing on that server can be changed from here.");
        hint.getStyleClass().add("hint");
        HBox line = new HBox(8, prompt, address, go, cancel, hint);
        line.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("attach-error");
        error.getStyleClass().add("listener-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox form = new VBox(4, line, error);
        form.setId("attach-bar");
        form.getStyleClass().add("attach-bar");
        form.visibleProperty().bind(vm.editingProperty());
        form.managedProperty().bind(form.visibleProperty());
        return form;
    }

    private static Region banner(AttachViewModel vm) {
        Label indicator = new Label();
        indicator.setId("attached-indicator");
        indicator.getStyleClass().add("attached-indicator");
        indicator.textProperty().bind(vm.indicatorProperty());
        Label status = new Label();
        status.setId("attach-status");
        status.getStyleClass().add("attach-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        vm.connectedProperty().subscribe(connected -> {
            status.getStyleClass().removeAll("attach-ok", "attach-failing");
            status.getStyleClass().add(connected ? "attach-ok" : "attach-failing");
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        Button detach = new Button("Detach");
        detach.setId("detach-button");
        detach.setOnAction(e -> vm.detach());
        HBox banner = new HBox(12, indicator, status, gap, detach);
        banner.setId("attached-banner");
        banner.getStyleClass().add("attached-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.attachedProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}

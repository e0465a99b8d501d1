package dev.weir.ui;

import dev.weir.ui.alerts.AlertBarRow;
import dev.weir.ui.attach.AttachBar;
import dev.weir.ui.caller.CallerPage;
import dev.weir.ui.dashboard.DashboardPage;
import dev.weir.ui.detail.StreamDetailPane;
import dev.weir.ui.detail.StreamDetailViewModel;
import dev.weir.ui.log.LogPage;
import dev.weir.ui.prefs.Screen;
import dev.weir.ui.prefs.Theme;
import dev.weir.ui.settings.SettingsPage;
import dev.weir.ui.streams.StreamsPage;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The main window's content: a navigation column on the left (one button per screen, the theme switch at the
 * bottom), the open screen in the middle with the alert bar's row above it (0 px while no alert shows), a status
 * line at the bottom. Each screen is built the first time it is shown — only the open one before the window first
 * appears, which keeps start-up short — and kept from then on, so a screen keeps its scroll position and selection.
 * Navigation ids: {@code nav-<screen>}.
 */
final class ConsoleView extends BorderPane {
    private final ConsoleViewModel viewModel;
    private final StackPane detailHolder = new StackPane();
    private final Label noSelection = new Label("Select a stream to see its charts, SRT statistics, keys and players.");
    private final Map<Screen, Supplier<Node>> pageBuilders = new EnumMap<>(Screen.class);
    private final Map<Screen, Node> pages = new EnumMap<>(Screen.class);
    private final StackPane center = new StackPane();
    private final AlertBarRow notifications = new AlertBarRow();
    private StreamDetailPane detailPane;

    ConsoleView(ConsoleViewModel viewModel, ObjectProperty<Theme> theme) {
        this.viewModel = viewModel;
        getStyleClass().add("console");

        noSelection.getStyleClass().add("placeholder");
        detailHolder.getChildren().setAll(noSelection);
        viewModel.detailProperty().subscribe(this::showDetail);

        pageBuilders.put(Screen.DASHBOARD, () -> new DashboardPage(viewModel.listeners(), viewModel.dashboard(), viewModel.alerts().recent()));
        pageBuilders.put(Screen.STREAMS, () -> new StreamsPage(viewModel.streams(), detailHolder, viewModel::select));
        pageBuilders.put(Screen.SETTINGS, () -> new SettingsPage(viewModel.settings()));
        pageBuilders.put(Screen.CALLER, () -> new CallerPage(viewModel.caller()));
        pageBuilders.put(Screen.LOG, () -> new LogPage(viewModel.log()));

        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        Label brand = new Label("Weir");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("nav-" + s.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setOnAction(e -> viewModel.screenProperty().set(s));
            nav.getChildren().add(b);
        }
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        Button attachButton = new Button();
        attachButton.setId("nav-attach");
        attachButton.getStyleClass().add("nav-theme");
        attachButton.setMaxWidth(Double.MAX_VALUE);
        attachButton.textProperty().bind(viewModel.attach().attachedProperty().map(a -> a ? "Detach" : "Attach to server…"));
        attachButton.setOnAction(e -> viewModel.attach().toggle());
        Button themeButton = new Button();
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().add("nav-theme");
        themeButton.setMaxWidth(Double.MAX_VALUE);
        themeButton.textProperty().bind(theme.map(t -> t == Theme.DARK ? "Light theme" : "Dark theme"));
        themeButton.setOnAction(e -> theme.set(theme.get().other()));
        nav.getChildren().addAll(fill, attachButton, themeButton);

        viewModel.screenProperty().subscribe(s -> {
            Screen shown = s == null ? Screen.DASHBOARD : s;
            center.getChildren().setAll(page(shown));
            group.getToggles().forEach(t -> t.setSelected(t.getUserData() == shown));
        });

        Label summary = new Label();
        summary.setId("status-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label lastAlert = new Label();
        lastAlert.setId("status-alert");
        lastAlert.getStyleClass().add("status-alert");
        viewModel.alerts().recent().subscribe(() -> {
            var recent = viewModel.alerts().recent();
            lastAlert.setText(recent.isEmpty() ? "" : recent.getLast().text());
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox status = new HBox(12, summary, gap, lastAlert);
        status.getStyleClass().add("status-bar");

        center.getStyleClass().add("center");
        notifications.setId("notifications");
        VBox.setVgrow(center, Priority.ALWAYS);
        VBox main = new VBox(notifications, center);
        setTop(new AttachBar(viewModel.attach()));
        setLeft(nav);
        setCenter(main);
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
        // A remote server's players are watched, not disconnected: that pane has no Disconnect buttons.
        detailPane = viewModel.attach().attachedProperty().get() ? new StreamDetailPane(detail)
                : new StreamDetailPane(detail, viewModel::disconnect);
        detailHolder.getChildren().setAll(detailPane);
    }

    /** Lets go of the detail pane's listeners; called when the window closes. */
    void dispose() {
        showDetail(null);
    }

    /** Where alerts are shown (one reused bar in its own row at the top). */
    AlertBarRow notifications() {
        return notifications;
    }

    /** The screen's page, built now if it has not been shown yet. */
    Node page(Screen s) {
        return pages.computeIfAbsent(s, screen -> pageBuilders.get(screen).get());
    }

    ConsoleViewModel viewModel() {
        return viewModel;
    }
}

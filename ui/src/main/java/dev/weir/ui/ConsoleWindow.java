package dev.weir.ui;

import dev.weir.ui.alerts.Notifier;
import dev.weir.ui.engine.EngineControl;
import dev.weir.ui.prefs.Screen;
import dev.weir.ui.prefs.Theme;
import dev.weir.ui.prefs.WindowPrefs;
import dev.weir.ui.settings.ConfigStore;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's main window. {@link #show} builds the scene on a stage, restores the window's size, position,
 * screen and theme, starts the 4 Hz refresh and, when the stage is hidden, stops it and saves the preferences.
 * The window does not own the engine: whoever created the engine closes it.
 */
public final class ConsoleWindow implements AutoCloseable {
    public static final double WIDTH = 1440;
    public static final double HEIGHT = 900;

    private final Stage stage;
    private final ConsoleViewModel viewModel;
    private final ConsoleView view;
    private final SnapshotPoller poller;
    private final ExecutorService background;
    private final ConfigStore store;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private boolean closed;

    private ConsoleWindow(Stage stage, EngineControl engine, ConsoleOptions options) {
        this.stage = stage;
        this.store = options.store();
        this.background = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("weir-console-worker")
                .daemon(true)
                .factory());
        Notifier[] notifier = new Notifier[1];
        this.viewModel = new ConsoleViewModel(engine, options, background, Platform::runLater,
                batch -> { if (notifier[0] != null) notifier[0].show(batch); });
        this.view = new ConsoleView(viewModel, theme);
        notifier[0] = new Notifier(view.notifications());
        this.poller = new SnapshotPoller(viewModel::refresh, options.pollInterval());
    }

    /** Shows the console for {@code engine} on {@code stage}. Call on the FX thread. */
    public static ConsoleWindow show(Stage stage, EngineControl engine, ConsoleOptions options) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(options, "options");
        ConsoleWindow window = new ConsoleWindow(stage, engine, options);
        WindowPrefs prefs = window.store == null ? WindowPrefs.DEFAULTS : WindowPrefs.fromMap(window.store.loadPreferences());
        Scene scene = new Scene(window.view, prefs.width(), prefs.height());
        scene.getStylesheets().add(css("console.css"));
        window.theme.subscribe((old, now) -> {
            if (old != null) scene.getStylesheets().remove(css(old.styleSheet()));
            scene.getStylesheets().add(css(now.styleSheet()));
        });
        window.theme.set(prefs.theme());
        if (!scene.getStylesheets().contains(css(prefs.theme().styleSheet()))) {
            scene.getStylesheets().add(css(prefs.theme().styleSheet()));
        }
        window.viewModel.screenProperty().set(prefs.screen());
        stage.setTitle("Weir console");
        stage.setScene(scene);
        stage.setMinWidth(WindowPrefs.MIN_WIDTH);
        stage.setMinHeight(WindowPrefs.MIN_HEIGHT);
        if (!Double.isNaN(prefs.x()) && !Double.isNaN(prefs.y())) {
            stage.setX(prefs.x());
            stage.setY(prefs.y());
        }
        stage.setMaximized(prefs.maximized());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> window.close());
        window.viewModel.refresh();
        window.poller.start();
        stage.show();
        if (options.startListenersOnOpen()) {
            window.viewModel.startConfiguredListeners();
        }
        if (options.attachTo() != null) {
            window.viewModel.attach().attachTo(options.attachTo());
        }
        return window;
    }

    private static String css(String name) {
        return Objects.requireNonNull(ConsoleWindow.class.getResource(name), name + " on the class path").toExternalForm();
    }

    public ConsoleViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }

    /** The colour theme; switching it restyles the open window. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Shows a screen (as the navigation buttons do). */
    public void show(Screen screen) {
        viewModel.screenProperty().set(screen);
    }

    /** The window's preferences as they are now. */
    public WindowPrefs prefs() {
        return new WindowPrefs(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                viewModel.screenProperty().get(), theme.get());
    }

    /** Stops the refresh, the caller and the worker thread, saves the preferences, frees the detail pane. Idempotent; FX thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.close();
        viewModel.caller().close();
        if (store != null) store.savePreferences(prefs().toMap());
        view.dispose();
        viewModel.close();
        background.shutdown();
    }
}

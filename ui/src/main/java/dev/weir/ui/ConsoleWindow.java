package dev.weir.ui;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.stats.StatsSource;
import dev.weir.ui.listeners.ListenerControl;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's main window. {@link #show} builds the scene on a stage, starts the 4 Hz refresh and, when the
 * stage is hidden, stops it again. The window does not own the engine: whoever created the engine closes it.
 */
public final class ConsoleWindow implements AutoCloseable {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 820;

    private final Stage stage;
    private final ConsoleViewModel viewModel;
    private final ConsoleView view;
    private final SnapshotPoller poller;
    private final ExecutorService background;
    private boolean closed;

    private ConsoleWindow(Stage stage, StatsSource stats, ListenerControl control, ConsoleOptions options) {
        this.stage = stage;
        this.background = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("weir-console-listeners")
                .daemon(true)
                .factory());
        this.viewModel = new ConsoleViewModel(stats, control, options, background, Platform::runLater);
        this.view = new ConsoleView(viewModel);
        this.poller = new SnapshotPoller(viewModel, options.pollInterval());
    }

    /** Shows the console for {@code engine} on {@code stage}. Call on the FX thread. */
    public static ConsoleWindow show(Stage stage, WeirEngine engine, ConsoleOptions options) {
        return show(stage, engine, ListenerControl.of(engine), options);
    }

    /** As {@link #show(Stage, WeirEngine, ConsoleOptions)}, with the engine's two faces given separately. */
    public static ConsoleWindow show(Stage stage, StatsSource stats, ListenerControl control, ConsoleOptions options) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(options, "options");
        ConsoleWindow window = new ConsoleWindow(stage, stats, control, options);
        Scene scene = new Scene(window.view, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                ConsoleWindow.class.getResource("console.css"), "console.css on the class path").toExternalForm());
        stage.setTitle("Weir console");
        stage.setScene(scene);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> window.close());
        window.viewModel.refresh();
        window.poller.start();
        stage.show();
        if (options.startRtmpOnOpen()) {
            window.viewModel.listeners().rtmp().start();
        }
        return window;
    }

    public ConsoleViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }

    /** Stops the refresh and the listener worker thread and frees the detail pane. Idempotent; FX thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.close();
        view.dispose();
        background.shutdown();
    }
}

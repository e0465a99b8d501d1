package dev.weir.ui;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The console as a JavaFX application. It owns the engine it creates: built in {@link #init()}, closed in
 * {@link #stop()} after the window.
 *
 * <p>Start it with {@link #launch(EngineConfig, ConsoleOptions, String...)} from a plain {@code main} (JavaFX
 * builds the application object itself, so the configuration is handed over before launch).
 */
public final class WeirConsoleApp extends Application {
    private record LaunchRequest(EngineConfig config, ConsoleOptions options) {}

    private static volatile LaunchRequest request = new LaunchRequest(EngineConfig.DEFAULTS, ConsoleOptions.DEFAULTS);

    private WeirEngine engine;
    private ConsoleWindow window;

    /** Runs the console until its window is closed. Blocks the calling thread; call once per process. */
    public static void launch(EngineConfig config, ConsoleOptions options, String... args) {
        request = new LaunchRequest(config, options);
        Application.launch(WeirConsoleApp.class, args);
    }

    @Override
    public void init() {
        engine = new WeirEngine(request.config());
    }

    @Override
    public void start(Stage stage) {
        window = ConsoleWindow.show(stage, engine, request.options());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}

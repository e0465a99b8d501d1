package dev.weir.ui;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.engine.EngineHost;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.function.Function;

/**
 * The console as a JavaFX application. It owns the engine it creates: built in {@link #init()} (with the standard
 * listeners, {@link StandardListeners}), closed in {@link #stop()} after the window.
 *
 * <p>Start it with {@link #launch(EngineConfig, ConsoleOptions, String...)} from a plain {@code main} (JavaFX builds
 * the application object itself, so the configuration is handed over before launch).
 */
public final class WeirConsoleApp extends Application {
    private record LaunchRequest(Function<EngineConfig, WeirEngine> factory, EngineConfig config, ConsoleOptions options) {}

    private static volatile LaunchRequest request =
            new LaunchRequest(StandardListeners::engine, EngineConfig.DEFAULTS, ConsoleOptions.DEFAULTS);

    private EngineHost engine;
    private ConsoleWindow window;

    /** Runs the console on the standard engine built from {@code config} until its window is closed. Blocks; once per process. */
    public static void launch(EngineConfig config, ConsoleOptions options, String... args) {
        launch(StandardListeners::engine, config, options, args);
    }

    /**
     * Runs the console until its window is closed, on engines built by {@code factory} (it is called again when a
     * setting needs an engine restart). The application closes the engine. Blocks; once per process.
     */
    public static void launch(Function<EngineConfig, WeirEngine> factory, EngineConfig config, ConsoleOptions options,
                              String... args) {
        request = new LaunchRequest(factory, config, options);
        Application.launch(WeirConsoleApp.class, args);
    }

    @Override
    public void init() {
        LaunchRequest r = request;
        engine = new EngineHost(r.factory(), r.config());
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

package dev.weir.ui;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.function.Supplier;

/**
 * The console as a JavaFX application. It owns the engine it creates: built in {@link #init()}, closed in
 * {@link #stop()} after the window.
 *
 * <p>Start it with {@link #launch(EngineConfig, ConsoleOptions, String...)} or
 * {@link #launch(Supplier, ConsoleOptions, String...)} from a plain {@code main} (JavaFX builds the application
 * object itself, so the configuration is handed over before launch).
 */
public final class WeirConsoleApp extends Application {
    private record LaunchRequest(Supplier<WeirEngine> engine, ConsoleOptions options) {}

    private static volatile LaunchRequest request =
            new LaunchRequest(() -> ConsoleEngine.create(EngineConfig.DEFAULTS), ConsoleOptions.DEFAULTS);

    private WeirEngine engine;
    private ConsoleWindow window;

    /** Runs the console on {@link ConsoleEngine#create}{@code (config)} until its window is closed. Blocks; once per process. */
    public static void launch(EngineConfig config, ConsoleOptions options, String... args) {
        launch(() -> ConsoleEngine.create(config), options, args);
    }

    /**
     * Runs the console until its window is closed, on an engine built by {@code engine} (for callers that register
     * listener factories with {@code WeirEngine.builder}). The application closes that engine. Blocks; once per
     * process.
     */
    public static void launch(Supplier<WeirEngine> engine, ConsoleOptions options, String... args) {
        request = new LaunchRequest(engine, options);
        Application.launch(WeirConsoleApp.class, args);
    }

    @Override
    public void init() {
        engine = request.engine().get();
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

package dev.weir.ui;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.engine.EngineHost;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The console as a JavaFX application. It owns the engine it creates (with the standard listeners,
 * {@link StandardListeners}), closed in {@link #stop()} after the window.
 *
 * <p>The engine is built on a thread of its own ({@code weir-console-start}) while JavaFX starts its toolkit on
 * another, and {@link #init()} waits for it: on a two-core machine the two overlap, and the window comes up sooner
 * (docs/install.md, "Start-up").
 *
 * <p>Start it with {@link #launch(EngineConfig, ConsoleOptions, String...)} from a plain {@code main} (JavaFX builds
 * the application object itself, so the configuration is handed over before launch).
 */
public final class WeirConsoleApp extends Application {
    /** {@code taken}: set when {@link #init()} takes the engine over; until then the launcher owns it. */
    private record LaunchRequest(CompletableFuture<EngineHost> engine, ConsoleOptions options, AtomicBoolean taken) {}

    private static volatile LaunchRequest request;

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
        launch(factory, CompletableFuture.completedFuture(config), options, args);
    }

    /**
     * Runs the console on the standard engine built from {@code config} once it is ready: the caller may still be
     * reading it (the saved settings) while the toolkit starts. Blocks; once per process.
     */
    public static void launch(CompletableFuture<EngineConfig> config, ConsoleOptions options, String... args) {
        launch(StandardListeners::engine, config, options, args);
    }

    private static void launch(Function<EngineConfig, WeirEngine> factory, CompletableFuture<EngineConfig> config,
                               ConsoleOptions options, String... args) {
        CompletableFuture<EngineHost> engine = config.thenApplyAsync(
                c -> new EngineHost(factory, c),
                task -> Thread.ofPlatform().name("weir-console-start").start(task));
        LaunchRequest launched = new LaunchRequest(engine, options, new AtomicBoolean());
        request = launched;
        try {
            Application.launch(WeirConsoleApp.class, args);
        } finally {
            // When the toolkit could not start (no display), init() never ran: the engine is still ours to close.
            if (launched.taken().compareAndSet(false, true)) engine.thenAccept(EngineHost::close);
        }
    }

    @Override
    public void init() {
        LaunchRequest r = request;
        if (r == null) {   // started by JavaFX (or a test) without launch(): the defaults
            engine = new EngineHost(StandardListeners::engine, EngineConfig.DEFAULTS);
            return;
        }
        if (!r.taken().compareAndSet(false, true)) throw new IllegalStateException("the console is launched once per process");
        engine = r.engine().join();
    }

    @Override
    public void start(Stage stage) {
        LaunchRequest r = request;
        window = ConsoleWindow.show(stage, engine, r == null ? ConsoleOptions.DEFAULTS : r.options());
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

package dev.weir.ui;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.engine.EngineHost;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console window on a real engine, as the interop ITs run it: shown on TestFX's stage with its settings kept in a
 * temporary directory, and closed after each test (the window hidden on the FX thread, then the engine stopped).
 * Also the ITs' wait that says what it waited for.
 */
final class ConsoleOnEngine implements AutoCloseable {

    private final EngineHost engine;
    private final ConsoleWindow window;

    private ConsoleOnEngine(EngineHost engine, ConsoleWindow window) {
        this.engine = engine;
        this.window = window;
    }

    static ConsoleOnEngine show(Stage stage, EngineConfig config, Path settingsDir) {
        EngineHost engine = new EngineHost(StandardListeners::engine, config);
        ConsoleWindow window = ConsoleWindow.show(stage, engine,
                ConsoleOptions.DEFAULTS.withStore(new TempDirStore(settingsDir, config)));
        return new ConsoleOnEngine(engine, window);
    }

    EngineHost engine() {
        return engine;
    }

    ConsoleWindow window() {
        return window;
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().hide()).get(5, TimeUnit.SECONDS);
        engine.close();
    }

    /** Waits until {@code condition} holds; on time-out fails naming {@code what}. */
    static void waitFor(int seconds, String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what, e);
        }
    }
}

package dev.weir.ui;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.listeners.ListenerRowState;
import dev.weir.ui.listeners.ListenerRowViewModel;
import dev.weir.ui.streams.StreamRowViewModel;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The child process of {@link ConsoleScreenshotIT}: opens the console on a real window (whatever glass platform
 * the JVM was started with, gtk under Xvfb), walks through the main screens and writes a PNG of each.
 *
 * <p>Talks to the parent on stdout: {@code WEIR-LISTENING} when the listener runs (the parent then starts an
 * ffmpeg publisher and player), {@code WEIR-SHOT <file>} per screenshot, {@code WEIR-DONE} at the end. Exits non-zero on any failure.
 */
public final class ScreenshotMain {
    private ScreenshotMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        int chartSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        int code = 1;
        try (dev.weir.ui.engine.EngineHost engine = new dev.weir.ui.engine.EngineHost(dev.weir.engine.StandardListeners::engine,
                EngineConfig.DEFAULTS.withRtmp(new dev.weir.engine.config.RtmpSettings("127.0.0.1:" + port, 4096)))) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(20, TimeUnit.SECONDS);
            run(engine, port, out, chartSeconds);
            code = 0;
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            Platform.exit();
        }
        System.out.flush();
        System.exit(code);
    }

    private static void run(dev.weir.ui.engine.EngineHost engine, int port, Path out, int chartSeconds) throws Exception {
        ConsoleWindow window = fx(() -> ConsoleWindow.show(new Stage(), engine,
                ConsoleOptions.DEFAULTS.withStartListenersOnOpen(true)));
        ListenerRowViewModel rtmp = window.viewModel().listeners().rtmp();
        await(10, "the RTMP listener runs", () -> fxValue(() -> rtmp.stateProperty().get() == ListenerRowState.RUNNING));
        settle();
        shot(window, out.resolve("01-console-listening.png"));
        System.out.println("WEIR-LISTENING");
        System.out.flush();

        await(30, "live/test shows H264 and a bit rate", () -> fxValue(() -> {
            StreamRowViewModel row = window.viewModel().streams().row("live/test");
            return row != null && "H264".equals(row.videoCodecProperty().get()) && row.bitrateInProperty().get() > 0;
        }));
        await(30, "a player receives live/test", () -> fxValue(() -> {
            StreamRowViewModel row = window.viewModel().streams().row("live/test");
            return row != null && row.playersProperty().get() > 0 && row.bitrateOutProperty().get() > 0;
        }));
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StreamRowViewModel> table =
                    (TableView<StreamRowViewModel>) window.stage().getScene().lookup("#streams-table");
            table.getSelectionModel().select(window.viewModel().streams().row("live/test"));
            return null;
        });
        Thread.sleep(chartSeconds * 1000L);
        settle();
        shot(window, out.resolve("02-stream-detail.png"));

        // A second server holds a port; the listener row explains why it cannot take it.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fx(() -> {
                rtmp.stop();
                return null;
            });
            await(10, "the listener stops", () -> fxValue(() -> rtmp.stateProperty().get() == ListenerRowState.STOPPED));
            fx(() -> {
                rtmp.addressProperty().set("127.0.0.1:" + taken.getLocalPort());
                rtmp.start();
                return null;
            });
            await(10, "the listener fails", () -> fxValue(() -> rtmp.stateProperty().get() == ListenerRowState.FAILED));
            settle();
            shot(window, out.resolve("03-listener-error.png"));
        }
        fx(() -> {
            window.stage().hide();
            return null;
        });
        System.out.println("WEIR-DONE");
    }

    private static void shot(ConsoleWindow window, Path file) throws Exception {
        var image = fx(() -> window.stage().getScene().snapshot(null));
        PngWriter.write(image, file);
        System.out.println("WEIR-SHOT " + file.toAbsolutePath());
        System.out.flush();
    }

    /** Two poll ticks and a pulse, so the screen shows the latest snapshot. */
    private static void settle() throws Exception {
        Thread.sleep(600);
        fx(() -> null);
    }

    private static void await(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean fxValue(Callable<Boolean> read) {
        try {
            return fx(read);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }
}

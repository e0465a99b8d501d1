package dev.weir.ui;

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
    /** The SRT passphrase of the screenshot engine; the SRT publisher and the caller use it. */
    static final String PASSPHRASE = "screenshot-passphrase";
    /** The engine's API, which the console attaches to for the read-only screenshot. */
    private static final int API_PORT = FreePort.find();

    private ScreenshotMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        int srtPort = Integer.parseInt(args[2]);
        int chartSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int code = 1;
        Path recordings = java.nio.file.Files.createTempDirectory("weir-screenshot-recordings");
        EngineConfig config = EngineConfig.DEFAULTS
                .withRtmp(new dev.weir.engine.config.RtmpSettings("127.0.0.1:" + port, 4096))
                .withSrt(new dev.weir.engine.config.SrtSettings("127.0.0.1:" + srtPort, 120, PASSPHRASE, 16))
                .withRecording(new dev.weir.engine.config.RecordingSettings(recordings.toString(), false))
                .withMetrics(new dev.weir.engine.config.MetricsSettings("127.0.0.1:" + API_PORT))
                .withRelay(new dev.weir.engine.config.RelaySettings(java.util.List.of(
                        new dev.weir.engine.config.RelaySettings.Destination("live/studio",
                                "srt://127.0.0.1:" + srtPort + "?streamid=publish:live/studio-backup&passphrase=" + PASSPHRASE))));
        try (dev.weir.ui.engine.EngineHost engine = new dev.weir.ui.engine.EngineHost(dev.weir.engine.StandardListeners::engine, config)) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(20, TimeUnit.SECONDS);
            run(engine, port, srtPort, out, chartSeconds);
            code = 0;
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            Platform.exit();
        }
        System.out.flush();
        System.exit(code);
    }

    private static void run(dev.weir.ui.engine.EngineHost engine, int port, int srtPort, Path out, int chartSeconds) throws Exception {
        StderrLogFeed log = StderrLogFeed.install();
        ConsoleWindow window = fx(() -> ConsoleWindow.show(new Stage(), engine,
                ConsoleOptions.DEFAULTS.withStartListenersOnOpen(true).withLog(log)));
        ListenerRowViewModel rtmp = window.viewModel().listeners().rtmp();
        await(10, "the RTMP and SRT listeners run", () -> fxValue(() -> rtmp.stateProperty().get() == ListenerRowState.RUNNING
                && window.viewModel().listeners().srt().stateProperty().get() == ListenerRowState.RUNNING));
        System.out.println("WEIR-LISTENING");
        System.out.flush();

        await(30, "live/test (RTMP) and live/studio (SRT) show H264 and a bit rate", () -> fxValue(() -> {
            StreamRowViewModel a = window.viewModel().streams().row("live/test");
            StreamRowViewModel b = window.viewModel().streams().row("live/studio");
            return a != null && b != null && "H264".equals(a.videoCodecProperty().get()) && a.bitrateInProperty().get() > 0
                    && "H264".equals(b.videoCodecProperty().get()) && b.bitrateInProperty().get() > 0;
        }));
        await(30, "a player receives live/test", () -> fxValue(() -> {
            StreamRowViewModel row = window.viewModel().streams().row("live/test");
            return row != null && row.playersProperty().get() > 0 && row.bitrateOutProperty().get() > 0;
        }));
        // A wrong passphrase, so the dashboard counts a refusal; a recording; the relay of live/studio.
        try (dev.weir.engine.probe.TestCaller wrong = dev.weir.engine.probe.TestCaller.start("srt://127.0.0.1:" + srtPort
                + "?streamid=publish:live/intruder&passphrase=wrong-passphrase", dev.weir.engine.probe.TestCaller.Action.CONNECT, null, null)) {
            wrong.await(java.time.Duration.ofSeconds(5));
        }
        fx(() -> {
            window.viewModel().streams().toggleRecording(window.viewModel().streams().row("live/test"));
            return null;
        });
        await(20, "the relay copy arrives", () -> fxValue(() -> window.viewModel().streams().row("live/studio-backup") != null));
        Thread.sleep(chartSeconds * 500L);
        settle();
        shot(window, out.resolve("01-dashboard.png"));
        fx(() -> {
            window.themeProperty().set(dev.weir.ui.prefs.Theme.DARK);
            return null;
        });
        settle();
        shot(window, out.resolve("02-dashboard-dark.png"));
        fx(() -> {
            window.themeProperty().set(dev.weir.ui.prefs.Theme.LIGHT);
            window.show(dev.weir.ui.prefs.Screen.STREAMS);
            return null;
        });
        settle();
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StreamRowViewModel> table =
                    (TableView<StreamRowViewModel>) window.stage().getScene().lookup("#streams-table");
            table.getSelectionModel().select(window.viewModel().streams().row("live/studio"));
            return null;
        });
        Thread.sleep(chartSeconds * 500L);
        settle();
        shot(window, out.resolve("03-streams.png"));
        selectTab(window, "#detail-tab-charts");
        shot(window, out.resolve("04-stream-charts.png"));
        selectTab(window, "#detail-tab-srt");
        shot(window, out.resolve("05-stream-srt-stats.png"));
        selectTab(window, "#detail-tab-keys");
        shot(window, out.resolve("06-stream-keys.png"));
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StreamRowViewModel> table =
                    (TableView<StreamRowViewModel>) window.stage().getScene().lookup("#streams-table");
            table.getSelectionModel().select(window.viewModel().streams().row("live/test"));
            return null;
        });
        settle();
        selectTab(window, "#detail-tab-players");
        shot(window, out.resolve("07-stream-players.png"));
        fx(() -> {
            window.show(dev.weir.ui.prefs.Screen.SETTINGS);
            window.viewModel().settings().addPassphrase("live/studio2", "another-passphrase");
            return null;
        });
        settle();
        shot(window, out.resolve("08-settings.png"));
        fx(() -> {
            window.show(dev.weir.ui.prefs.Screen.CALLER);
            window.viewModel().caller().urlProperty().set("srt://127.0.0.1:" + srtPort + "?passphrase=" + PASSPHRASE);
            window.viewModel().caller().actionProperty().set(dev.weir.engine.probe.TestCaller.Action.SEND_TEST_STREAM);
            window.viewModel().caller().start();
            return null;
        });
        await(15, "the caller sends", () -> fxValue(() -> window.viewModel().caller().stateProperty().get()
                == dev.weir.engine.probe.TestCaller.State.CONNECTED && window.viewModel().caller().srtProperty().get() != null));
        Thread.sleep(3000);
        settle();
        shot(window, out.resolve("09-caller-connected.png"));
        fx(() -> {
            window.viewModel().caller().hangUp();
            window.viewModel().caller().urlProperty().set("srt://127.0.0.1:" + srtPort + "?streamid=publish:live/guest&passphrase=not-the-passphrase");
            window.viewModel().caller().actionProperty().set(dev.weir.engine.probe.TestCaller.Action.CONNECT);
            window.viewModel().caller().start();
            return null;
        });
        await(15, "the caller is refused", () -> fxValue(() -> "BADSECRET".equals(window.viewModel().caller().rejectReasonProperty().get())));
        settle();
        shot(window, out.resolve("10-caller-refused.png"));
        fx(() -> {
            window.viewModel().caller().hangUp();
            window.viewModel().caller().urlProperty().set("rtmp://127.0.0.1:" + port + "/live/test");
            window.viewModel().caller().secretProperty().set("");
            window.viewModel().caller().actionProperty().set(dev.weir.engine.probe.TestCaller.Action.RECEIVE);
            window.viewModel().caller().start();
            return null;
        });
        await(15, "the caller receives over RTMP", () -> fxValue(() -> window.viewModel().caller().codecsProperty().get().contains("AAC")));
        Thread.sleep(2500);
        settle();
        shot(window, out.resolve("13-caller-receive-rtmp.png"));
        fx(() -> {
            window.viewModel().caller().hangUp();
            return null;
        });
        fx(() -> {
            window.show(dev.weir.ui.prefs.Screen.LOG);
            return null;
        });
        settle();
        shot(window, out.resolve("11-log.png"));

        // Attached (read-only) to a weir server's API: here this engine's own, so the same streams show.
        fx(() -> {
            window.show(dev.weir.ui.prefs.Screen.STREAMS);
            window.viewModel().attach().attachTo(dev.weir.ui.engine.RemoteAddress.parse("http://127.0.0.1:" + API_PORT));
            return null;
        });
        await(10, "attached and the remote's streams show", () -> fxValue(() ->
                window.viewModel().attach().connectedProperty().get() && window.viewModel().streams().row("live/test") != null));
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StreamRowViewModel> table =
                    (TableView<StreamRowViewModel>) window.stage().getScene().lookup("#streams-table");
            table.getSelectionModel().select(window.viewModel().streams().row("live/test"));
            return null;
        });
        Thread.sleep(chartSeconds * 250L);
        settle();
        shot(window, out.resolve("14-attached.png"));
        fx(() -> {
            window.viewModel().attach().detach();
            return null;
        });

        // A second server holds a port; the listener row explains why it cannot take it.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fx(() -> {
                window.show(dev.weir.ui.prefs.Screen.DASHBOARD);
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
            shot(window, out.resolve("12-listener-error.png"));
        }
        fx(() -> {
            window.stage().hide();
            return null;
        });
        System.out.println("WEIR-DONE");
    }

    private static void selectTab(ConsoleWindow window, String id) throws Exception {
        fx(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) window.stage().getScene().lookup("#detail-tabs");
            tabs.getTabs().stream().filter(t -> ("#" + t.getId()).equals(id)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            return null;
        });
        settle();
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

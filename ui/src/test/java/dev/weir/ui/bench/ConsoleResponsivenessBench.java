package dev.weir.ui.bench;

import dev.weir.ui.ConsoleOptions;
import dev.weir.ui.ConsoleWindow;
import dev.weir.ui.prefs.Screen;
import dev.weir.ui.streams.StreamRowViewModel;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Console responsiveness benchmark (docs/performance.md, "Console responsiveness"); a program, not a test. Opens the
 * console on {@link SyntheticEngine} ({@code streams} synthetic streams, a new snapshot every 250 ms), shows the
 * Streams screen with one SRT stream's transport charts open, and every {@code report} seconds prints how busy the
 * FX application thread was (its CPU time over wall time, so event handling, layout, CSS and the scene-graph sync
 * all count) and the heap in use after a full GC.
 *
 * <p>Arguments: seconds to run (default 180), streams (default 100), report interval in seconds (default 15),
 * whether synthetic SRT refusals (and so notifications every 10 s) happen (default true).
 */
public final class ConsoleResponsivenessBench {
    private ConsoleResponsivenessBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int report = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        boolean refusals = args.length <= 3 || Boolean.parseBoolean(args[3]);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(20, TimeUnit.SECONDS);
        long fxThread = fx(() -> Thread.currentThread().threadId());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (SyntheticEngine engine = new SyntheticEngine(streams, refusals)) {
            ConsoleWindow window = fx(() -> ConsoleWindow.show(new Stage(), engine, ConsoleOptions.DEFAULTS));
            Thread.sleep(1000);
            fx(() -> {
                window.show(Screen.STREAMS);
                return null;
            });
            Thread.sleep(500);
            fx(() -> {
                @SuppressWarnings("unchecked")
                TableView<StreamRowViewModel> table = (TableView<StreamRowViewModel>) window.stage().getScene().lookup("#streams-table");
                table.getSelectionModel().select(window.viewModel().streams().row("live/cam1"));
                var tabs = (javafx.scene.control.TabPane) window.stage().getScene().lookup("#detail-tabs");
                tabs.getSelectionModel().select(1);
                return null;
            });
            System.out.printf(Locale.ROOT, "console responsiveness: %d streams, 4 Hz snapshots, %d s, %s, refusals %s%n", streams,
                    seconds, System.getProperty("glass.platform", "default glass"), refusals ? "on" : "off");
            System.out.println("  t(s)  fx-busy%  fx-busy-max%  heap-after-gc(MiB)  rows");
            long begin = System.nanoTime();
            long lastWall = begin;
            long lastCpu = threads.getThreadCpuTime(fxThread);
            double worst = 0;
            double sum = 0;
            int n = 0;
            long lastWindowCpu = lastCpu;
            long lastWindowWall = begin;
            long nextReport = begin + Duration.ofSeconds(report).toNanos();
            while (System.nanoTime() - begin < Duration.ofSeconds(seconds).toNanos()) {
                Thread.sleep(1000);
                long wall = System.nanoTime();
                long cpu = threads.getThreadCpuTime(fxThread);
                worst = Math.max(worst, 100.0 * (cpu - lastCpu) / (wall - lastWall));
                lastCpu = cpu;
                lastWall = wall;
                if (wall >= nextReport) {
                    nextReport += Duration.ofSeconds(report).toNanos();
                    double busy = 100.0 * (cpu - lastWindowCpu) / (wall - lastWindowWall);
                    lastWindowCpu = cpu;
                    lastWindowWall = wall;
                    sum += busy;
                    n++;
                    System.gc();
                    long heap = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
                    int rows = fx(() -> window.viewModel().streams().rows().size());
                    System.out.printf(Locale.ROOT, "  %4d  %8.1f  %12.1f  %18d  %4d%n", Math.round((wall - begin) / 1e9),
                            busy, worst, heap, rows);
                    worst = 0;
                }
            }
            System.out.printf(Locale.ROOT, "mean fx-busy over the run: %.1f%%%n", n == 0 ? 0 : sum / n);
            fx(() -> {
                window.stage().hide();
                return null;
            });
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.complete(work.call());
            } catch (Throwable t) {
                r.completeExceptionally(t);
            }
        });
        return r.get(30, TimeUnit.SECONDS);
    }
}

package dev.weir.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Refreshes the console from the engine's snapshot on the FX thread at a fixed rate (4 Hz by default). The engine
 * never pushes to the console, so there is no per-packet hop onto the FX thread.
 */
final class SnapshotPoller implements AutoCloseable {
    private final Timeline timeline;

    SnapshotPoller(Runnable refresh, java.time.Duration interval) {
        timeline = new Timeline(new KeyFrame(Duration.millis(interval.toMillis()), e -> refresh.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    void start() {
        timeline.play();
    }

    @Override
    public void close() {
        timeline.stop();
    }
}

package dev.weir.ui;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.listeners.ListenerRowState;
import dev.weir.ui.streams.StreamRowViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.weir.ui.ConsoleOnEngine.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end, headless: the console starts the engine's RTMP listener from its listener row, ffmpeg publishes
 * H.264 + AAC to it, and the stream's row shows up with its codecs and a bit rate.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleInteropIT {
    private final int port = FreePort.find();
    private dev.weir.ui.engine.EngineHost engine;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        engine = new dev.weir.ui.engine.EngineHost(dev.weir.engine.StandardListeners::engine, EngineConfig.DEFAULTS
                .withRtmp(new dev.weir.engine.config.RtmpSettings(":1935", 4096)));
        window = ConsoleWindow.show(stage, engine, ConsoleOptions.DEFAULTS);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().hide()).get(5, TimeUnit.SECONDS);
        engine.close();
    }

    @Test
    void aStreamPublishedByFfmpegAppearsWithCodecAndBitrate(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#rtmp-address").queryAs(TextField.class).setText("127.0.0.1:" + port));
        robot.clickOn("#rtmp-toggle");
        waitFor(10, "the listener runs", () -> window.viewModel().listeners().rtmp().stateProperty().get() != ListenerRowState.STARTING);
        assertEquals(ListenerRowState.RUNNING, window.viewModel().listeners().rtmp().stateProperty().get(),
                () -> "listener did not start: " + window.viewModel().listeners().rtmp().errorProperty().get());
        assertEquals("Running", robot.lookup("#rtmp-state").queryAs(Label.class).getText());

        robot.clickOn("#nav-streams");
        Path log = Path.of("target", "interop", "console-ffmpeg.log");
        try (FfmpegPeer ffmpeg = FfmpegPeer.start("rtmp://127.0.0.1:" + port + "/live/test", 10, log)) {
            waitFor(15, "live/test shows H264 and a bit rate", () -> {
                StreamRowViewModel row = window.viewModel().streams().row("live/test");
                return row != null && "H264".equals(row.videoCodecProperty().get()) && row.bitrateInProperty().get() > 0;
            });
            WaitForAsyncUtils.waitForFxEvents();

            assertEquals("live/test", cellText(robot, "col-key"));
            assertEquals("H264", cellText(robot, "col-video-codec"));
            assertEquals("AAC", cellText(robot, "col-audio-codec"));
            assertEquals("RTMP", cellText(robot, "col-protocol"));
            assertEquals("Live", cellText(robot, "col-state"));
            String bitrate = cellText(robot, "col-bitrate-in");
            assertNotEquals("0 b/s", bitrate);
            assertTrue(bitrate.endsWith("b/s"), bitrate);

            assertEquals(0, ffmpeg.waitFor(30), () -> "ffmpeg failed: " + output(ffmpeg));
        }
        waitFor(10, "the stream leaves the table after the publisher ends",
                () -> window.viewModel().streams().row("live/test") == null
                        || window.viewModel().streams().row("live/test").stateProperty().get()
                        != dev.weir.engine.stats.StreamSnapshot.StreamState.PUBLISHING);
    }

    private static String cellText(FxRobot robot, String columnId) {
        for (Node n : robot.lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                    && !c.isEmpty() && c.getIndex() == 0) {
                return c.getText();
            }
        }
        throw new AssertionError("no visible cell in column " + columnId);
    }


    private static String output(FfmpegPeer ffmpeg) {
        try {
            return ffmpeg.output();
        } catch (java.io.IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}

package dev.weir.ui;

import dev.weir.engine.WeirEngine;
import dev.weir.engine.config.EngineConfig;
import dev.weir.ui.listeners.ListenerRowState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console window on a real engine, headless (Monocle): the listener row's messages and the empty table. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {
    private final int port = FreePort.find();
    private dev.weir.ui.engine.EngineHost engine;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        engine = new dev.weir.ui.engine.EngineHost(dev.weir.engine.StandardListeners::engine, EngineConfig.DEFAULTS
                .withRtmp(new dev.weir.engine.config.RtmpSettings("127.0.0.1:" + port, 4096)));
        window = ConsoleWindow.show(stage, engine, ConsoleOptions.DEFAULTS);
    }

    @AfterEach
    void closeEngine() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().hide()).get(5, TimeUnit.SECONDS);
        engine.close();
    }

    @Test
    void opensWithTheListenerStoppedAndNoStreams(FxRobot robot) {
        assertEquals("Weir console", window.stage().getTitle());
        assertEquals("127.0.0.1:" + port, robot.lookup("#rtmp-address").queryAs(TextField.class).getText());
        assertEquals("Start", robot.lookup("#rtmp-toggle").queryAs(Button.class).getText());
        assertEquals("Stopped", robot.lookup("#rtmp-state").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#rtmp-error").queryAs(Label.class).isVisible());
        robot.clickOn("#nav-streams");
        assertTrue(robot.lookup("#streams-table").queryAs(TableView.class).getItems().isEmpty());
        assertEquals("0 streams (0 publishing) · 0 players · 0 connections",
                robot.lookup("#status-summary").queryAs(Label.class).getText());
    }

    @Test
    void aScreenIsBuiltWhenFirstShownAndKeptAfter(FxRobot robot) {
        // Only the open screen is built before the window first appears (start-up time, docs/install.md).
        assertTrue(robot.lookup("#log-page").tryQuery().isEmpty(), "the log screen is not built before it is shown");
        robot.interact(() -> window.show(dev.weir.ui.prefs.Screen.LOG));
        javafx.scene.Node logPage = robot.lookup("#log-page").query();
        robot.interact(() -> window.show(dev.weir.ui.prefs.Screen.DASHBOARD));
        assertTrue(robot.lookup("#log-page").tryQuery().isEmpty(), "the log screen is swapped out");
        robot.interact(() -> window.show(dev.weir.ui.prefs.Screen.LOG));
        assertTrue(robot.lookup("#log-page").query() == logPage, "the same log screen comes back, with its state");
    }

    @Test
    void anInvalidPortIsExplainedInTheWindow(FxRobot robot) throws Exception {
        startWith(robot, ":99999");
        assertEquals("Port 99999 in ':99999' is out of range 0-65535", error(robot).getText());
        assertEquals("Failed", robot.lookup("#rtmp-state").queryAs(Label.class).getText());
        assertEquals("Start", robot.lookup("#rtmp-toggle").queryAs(Button.class).getText());
    }

    @Test
    void anUnresolvableHostIsExplainedInTheWindow(FxRobot robot) throws Exception {
        startWith(robot, "no-such-host.invalid:1935");
        assertEquals("Host 'no-such-host.invalid' could not be resolved; use an IP address of this machine",
                error(robot).getText());
    }

    @Test
    void aPortInUseIsExplainedInTheWindow(FxRobot robot) throws Exception {
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            startWith(robot, "127.0.0.1:" + taken.getLocalPort());
            assertEquals("Port " + port + " is already in use; stop the other program or choose another port",
                    error(robot).getText());
        }
    }

    private void startWith(FxRobot robot, String address) throws Exception {
        robot.interact(() -> robot.lookup("#rtmp-address").queryAs(TextField.class).setText(address));
        robot.clickOn("#rtmp-toggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.viewModel().listeners().rtmp().stateProperty().get() == ListenerRowState.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Label error(FxRobot robot) {
        Label error = robot.lookup("#rtmp-error").queryAs(Label.class);
        assertTrue(error.isVisible(), "the error line shows");
        return error;
    }
}

package dev.weir.ui;

import dev.weir.engine.config.AuthSettings;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.probe.TestCaller;
import dev.weir.ui.listeners.ListenerRowState;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.weir.ui.ConsoleOnEngine.waitFor;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The test-connection page over RTMP, headless, against the console's own engine (token access control on, one
 * key allowed) with ffmpeg publishing lavfi testsrc + sine: the token typed into the URL lands in the masked field
 * and never shows in the URL field; a stream with no publisher says so; a live one shows connected and its
 * codecs; an unknown key shows the server's refusal.
 */
@ExtendWith(ApplicationExtension.class)
class CallerPageInteropIT {
    private static final Path OUT = Path.of("target", "interop", "caller").toAbsolutePath();
    private static final String TOKEN = "tok-4f9a2c";
    private final int rtmpPort = FreePort.find();
    private ConsoleOnEngine console;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("weir-caller-page");
        EngineConfig config = EngineConfig.DEFAULTS
                .withRtmp(new dev.weir.engine.config.RtmpSettings("127.0.0.1:" + rtmpPort, 4096))
                .withAuth(new AuthSettings(AuthSettings.AuthMode.TOKEN, Map.of("live/cam", TOKEN), null, null, null))
                .withRecording(new RecordingSettings(dir.resolve("recordings").toString(), false));
        console = ConsoleOnEngine.show(stage, config, dir);
        window = console.window();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void overRtmpTheTokenIsMaskedAndTheCallerShowsCodecsOrTheRefusal(FxRobot robot) throws Exception {
        robot.clickOn("#rtmp-toggle");
        waitFor(10, "the RTMP listener runs",
                () -> window.viewModel().listeners().rtmp().stateProperty().get() == ListenerRowState.RUNNING);
        robot.clickOn("#nav-caller");
        TextField url = robot.lookup("#caller-url").queryAs(TextField.class);
        PasswordField secret = robot.lookup("#caller-secret").queryAs(PasswordField.class);
        List<String> shown = new ArrayList<>();
        robot.interact(() -> url.textProperty().addListener((o, old, now) -> shown.add(now)));

        // The operator types the token into the masked field: the URL field never holds it.
        robot.clickOn(url).write("rtmp://127.0.0.1:" + rtmpPort + "/live/cam");
        robot.clickOn(secret).write(TOKEN);
        robot.clickOn("#caller-action-receive");
        assertEquals("rtmp://127.0.0.1:" + rtmpPort + "/live/cam", url.getText());
        assertEquals(TOKEN, secret.getText());
        // A URL pasted with the token (set at once): the token goes to the masked field before the URL field shows it.
        robot.interact(() -> {
            secret.clear();
            url.setText("rtmp://127.0.0.1:" + rtmpPort + "/live/cam?token=" + TOKEN);
        });
        assertEquals("rtmp://127.0.0.1:" + rtmpPort + "/live/cam", url.getText());
        assertEquals(TOKEN, secret.getText());
        assertFalse(String.join("\n", shown).contains(TOKEN), "the URL field never showed the token: " + shown);
        // The same for an SRT passphrase pasted with the URL.
        robot.interact(() -> url.setText("srt://127.0.0.1:9?streamid=publish:live/x&passphrase=correct%20horse%20battery"));
        assertEquals("srt://127.0.0.1:9?streamid=publish:live/x", url.getText());
        assertEquals("correct horse battery", secret.getText());
        assertFalse(String.join("\n", shown).contains("horse"), "the URL field never showed the passphrase: " + shown);
        // Typed key by key into the URL, it shows while being typed and moves when the URL field is left.
        robot.interact(url::clear);
        robot.interact(secret::clear);
        robot.clickOn(url).write("rtmp://127.0.0.1:" + rtmpPort + "/live/cam?token=" + TOKEN);
        robot.clickOn(secret);
        assertEquals("rtmp://127.0.0.1:" + rtmpPort + "/live/cam", url.getText());
        assertEquals(TOKEN, secret.getText());
        shown.clear();

        robot.clickOn("#caller-start");
        waitFor(15, "no media yet", () -> window.viewModel().caller().outcomeProperty().get().contains("no media"));
        assertEquals(TestCaller.State.CONNECTED, window.viewModel().caller().stateProperty().get());

        try (FfmpegPeer publisher = FfmpegPeer.start("rtmp://127.0.0.1:" + rtmpPort + "/live/cam?token=" + TOKEN, 30,
                OUT.resolve("publisher.log"))) {
            waitFor(20, "codecs of the live stream", () -> robot.lookup("#caller-codecs").queryAs(Label.class).getText()
                    .equals("H264 High 640x360, AAC LC 44100 Hz stereo"));
            assertTrue(robot.lookup("#caller-outcome").queryAs(Label.class).getText().startsWith("Receiving live/cam from rtmp://"),
                    robot.lookup("#caller-outcome").queryAs(Label.class).getText());
            assertTrue(robot.lookup("#caller-traffic").queryAs(Label.class).getText().startsWith("receiving "));
            assertFalse(robot.lookup("#caller-outcome").queryAs(Label.class).getText().contains(TOKEN));
            robot.clickOn("#caller-hang-up");
            waitFor(10, "hung up", () -> !window.viewModel().caller().runningProperty().get());
        }

        robot.interact(() -> url.setText("rtmp://127.0.0.1:" + rtmpPort + "/live/nobody"));
        robot.clickOn("#caller-start");
        waitFor(10, "refused", () -> "NetStream.Play.Unauthorized".equals(window.viewModel().caller().rejectReasonProperty().get()));
        assertEquals("NetStream.Play.Unauthorized", robot.lookup("#caller-reject").queryAs(Label.class).getText());
        assertEquals("Refused play: NetStream.Play.Unauthorized — stream not allowed",
                robot.lookup("#caller-outcome").queryAs(Label.class).getText());
        assertFalse(String.join("\n", shown).contains(TOKEN), "the URL field never showed the token: " + shown);
    }

}

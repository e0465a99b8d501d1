package dev.weir.ui;

import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.RecordingSettings;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.ui.engine.EngineHost;
import dev.weir.ui.listeners.ListenerRowState;
import dev.weir.ui.prefs.Screen;
import dev.weir.ui.settings.SrtEncryption;
import dev.weir.ui.streams.StreamRowViewModel;
import javafx.scene.control.Button;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.weir.ui.ConsoleOnEngine.waitFor;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Each screen's main flow, headless, on a real engine with real peers on free loopback ports: an SRT listener
 * started and stopped from the dashboard, the record button making a file ffprobe opens, a relay added in the
 * settings running, a per-stream passphrase refusing ffmpeg with the wrong one (and the refusal counted), the
 * built-in caller naming the reject reason, a player disconnected from the detail.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowsInteropIT {
    private static final Path OUT = Path.of("target", "interop", "flows").toAbsolutePath();
    private final int rtmpPort = FreePort.find();
    private final int srtPort = FreeUdpPort.find();
    private Path dir;
    private ConsoleOnEngine console;
    private EngineHost engine;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("weir-console-flows");
        EngineConfig config = EngineConfig.DEFAULTS
                .withRtmp(new dev.weir.engine.config.RtmpSettings("127.0.0.1:" + rtmpPort, 4096))
                .withSrt(new dev.weir.engine.config.SrtSettings("127.0.0.1:" + srtPort, 120, null, 16))
                .withRecording(new RecordingSettings(dir.resolve("recordings").toString(), false));
        console = ConsoleOnEngine.show(stage, config, dir);
        engine = console.engine();
        window = console.window();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    private void startListeners(FxRobot robot) throws Exception {
        robot.clickOn("#rtmp-toggle");
        robot.clickOn("#srt-toggle");
        waitFor(10, "both listeners run", () ->
                window.viewModel().listeners().rtmp().stateProperty().get() == ListenerRowState.RUNNING
                        && window.viewModel().listeners().srt().stateProperty().get() == ListenerRowState.RUNNING);
    }

    @Test
    void startAndStopTheSrtListenerFromTheDashboard(FxRobot robot) throws Exception {
        robot.clickOn("#srt-toggle");
        waitFor(10, "the SRT listener runs", () -> window.viewModel().listeners().srt().stateProperty().get() == ListenerRowState.RUNNING);
        assertEquals("Running", robot.lookup("#srt-state").queryAs(Label.class).getText());
        assertTrue(engine.engine().listenerSnapshots().stream()
                .anyMatch(l -> l.protocol() == Protocol.SRT && l.state() == ListenerSnapshot.ListenerState.RUNNING));
        robot.clickOn("#srt-toggle");
        waitFor(10, "the SRT listener stops", () -> window.viewModel().listeners().srt().stateProperty().get() == ListenerRowState.STOPPED);
        assertTrue(engine.engine().listenerSnapshots().stream()
                .noneMatch(l -> l.state() == ListenerSnapshot.ListenerState.RUNNING));
    }

    @Test
    void theRecordButtonMakesAFileFfprobeOpens(FxRobot robot) throws Exception {
        startListeners(robot);
        robot.clickOn("#nav-streams");
        try (FfmpegPeer ffmpeg = FfmpegPeer.startSrt("srt://127.0.0.1:" + srtPort + "?streamid=publish:live/rec", 12,
                OUT.resolve("record-publisher.log"))) {
            waitFor(15, "live/rec shows H264 with a bit rate", () -> {
                StreamRowViewModel row = window.viewModel().streams().row("live/rec");
                return row != null && "H264".equals(row.videoCodecProperty().get()) && row.bitrateInProperty().get() > 0;
            });
            assertEquals("Off", window.viewModel().streams().row("live/rec").encryptionProperty().get());
            robot.clickOn("#record-live-rec");
            waitFor(10, "recording", () -> window.viewModel().streams().row("live/rec").recordingProperty().get()
                    == RecordingSnapshot.State.RECORDING);
            waitFor(5, "the row's button reads Stop", () -> robot.lookup("#record-live-rec").queryAll().stream()
                    .anyMatch(n -> n instanceof Button b && b.isVisible() && "■ Stop".equals(b.getText())));
            Thread.sleep(3000);
            robot.clickOn("#record-live-rec");
            waitFor(10, "stopped", () -> window.viewModel().streams().row("live/rec").recordingProperty().get()
                    == RecordingSnapshot.State.STOPPED);
        }
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("recordings"))) {
            file = files.filter(Files::isRegularFile).findFirst().orElseThrow(() -> new AssertionError("no recording file"));
        }
        Process probe = new ProcessBuilder(FfmpegPeer.binary("ffprobe"), "-v", "error", "-show_entries",
                "stream=codec_name", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String codecs = new String(probe.getInputStream().readAllBytes());
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, probe.exitValue(), codecs);
        assertTrue(codecs.contains("h264") && codecs.contains("aac"), "ffprobe sees " + codecs);
    }

    @Test
    void aRelayAddedInTheSettingsShowsItsState(FxRobot robot) throws Exception {
        startListeners(robot);
        robot.clickOn("#nav-settings");
        // Relay live/src to this same server's SRT listener as live/copy.
        robot.interact(() -> {
            robot.lookup("#settings-relay-stream").queryAs(TextField.class).setText("live/src");
            robot.lookup("#settings-relay-url").queryAs(TextField.class)
                    .setText("srt://127.0.0.1:" + srtPort + "?streamid=publish:live/copy");
        });
        click(robot, "#settings-relay-add");
        assertEquals(1, window.viewModel().settings().relays().size(),
                () -> robot.lookup("#settings-relay-problem").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#settings-relay-url").queryAs(TextField.class).setText("http://nope"));
        click(robot, "#settings-relay-add");
        assertTrue(robot.lookup("#settings-relay-problem").queryAs(Label.class).getText().contains("rtmp://"),
                "a URL a relay cannot use is explained");
        click(robot, "#settings-apply");
        waitFor(10, "the form says relays wait for a restart", () ->
                window.viewModel().settings().restartNeededProperty().get() != null);
        assertTrue(window.viewModel().settings().restartNeededProperty().get().contains("relays"));
        click(robot, "#settings-restart");
        waitFor(20, "the engine restarted with the relay", () -> !engine.config().relay().destinations().isEmpty()
                && window.viewModel().settings().restartNeededProperty().get() == null);
        waitFor(10, "listeners are back", () -> engine.engine().listenerSnapshots().stream()
                .filter(l -> l.state() == ListenerSnapshot.ListenerState.RUNNING).count() == 2);

        robot.clickOn("#nav-streams");
        try (FfmpegPeer ffmpeg = FfmpegPeer.start("rtmp://127.0.0.1:" + rtmpPort + "/live/src", 15, OUT.resolve("relay-publisher.log"))) {
            waitFor(20, "the relay of live/src runs", () -> {
                StreamRowViewModel row = window.viewModel().streams().row("live/src");
                return row != null && "1 up".equals(row.relaysProperty().get());
            });
            waitFor(15, "live/copy arrives through the relay", () -> {
                StreamRowViewModel row = window.viewModel().streams().row("live/copy");
                return row != null && row.bitrateInProperty().get() > 0;
            });
            RelaySnapshot relay = engine.snapshot().relays().getFirst();
            assertEquals(RelaySnapshot.State.RUNNING, relay.state());
            assertEquals("1", robot.lookup("#total-relays").tryQuery().map(n -> ((Label) n).getText()).orElse("1"));
        }
    }

    @Test
    void aPerStreamPassphraseRefusesAWrongCallerAndCountsIt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        robot.interact(() -> window.viewModel().settings().encryptionProperty().set(SrtEncryption.PER_STREAM));
        robot.interact(() -> {
            robot.lookup("#settings-passphrase-key").queryAs(TextField.class).setText("live/secret");
            robot.lookup("#settings-passphrase-secret").queryAs(PasswordField.class).setText("short");
        });
        click(robot, "#settings-passphrase-add");
        assertTrue(robot.lookup("#settings-passphrase-problem").queryAs(Label.class).getText().contains("10 to 80"));
        assertFalse(robot.lookup("#settings-passphrase-problem").queryAs(Label.class).getText().contains("short"));
        robot.interact(() -> robot.lookup("#settings-passphrase-secret").queryAs(PasswordField.class)
                .setText("the-right-passphrase"));
        click(robot, "#settings-passphrase-add");
        assertEquals(1, window.viewModel().settings().passphrases().size());
        click(robot, "#settings-apply");
        waitFor(10, "encryption waits for a restart", () -> window.viewModel().settings().restartNeededProperty().get() != null);
        click(robot, "#settings-restart");
        waitFor(20, "restarted with the passphrase file", () -> engine.config().srt().passphraseFile() != null
                && window.viewModel().settings().restartNeededProperty().get() == null);
        robot.clickOn("#nav-dashboard");
        robot.clickOn("#srt-toggle");
        waitFor(10, "SRT runs", () -> window.viewModel().listeners().srt().stateProperty().get() == ListenerRowState.RUNNING);

        try (FfmpegPeer wrong = FfmpegPeer.startSrt("srt://127.0.0.1:" + srtPort
                + "?streamid=publish:live/secret&passphrase=not-the-passphrase&pbkeylen=16", 5, OUT.resolve("wrong-passphrase.log"))) {
            wrong.waitFor(30);
            assertTrue(wrong.output().toLowerCase().contains("secret") || wrong.output().contains("reject"),
                    "ffmpeg was refused: " + wrong.output());
        }
        waitFor(10, "the refusal is counted", () -> window.viewModel().listeners().srt().rejectedProperty().get() >= 1);
        assertTrue(window.viewModel().dashboard().rejectedProperty().get() >= 1);
        assertTrue(robot.lookup("#srt-connections").queryAs(Label.class).getText().contains("rejected"));

        try (FfmpegPeer right = FfmpegPeer.startSrt("srt://127.0.0.1:" + srtPort
                + "?streamid=publish:live/secret&passphrase=the-right-passphrase&pbkeylen=16", 10, OUT.resolve("right-passphrase.log"))) {
            waitFor(15, "the right passphrase publishes, encrypted", () -> {
                StreamRowViewModel row = window.viewModel().streams().row("live/secret");
                return row != null && "AES-128".equals(row.encryptionProperty().get());
            });
        }
        String config = Files.readString(dir.resolve("srt-passphrases.json"));
        assertTrue(config.contains("live/secret"));
    }

    @Test
    void theBuiltInCallerShowsTheRejectReason(FxRobot robot) throws Exception {
        startListeners(robot);
        robot.clickOn("#nav-caller");
        robot.interact(() -> robot.lookup("#caller-url").queryAs(TextField.class)
                .setText("srt://127.0.0.1:" + srtPort + "?streamid=live/nobody"));
        robot.clickOn("#caller-action-receive");
        robot.clickOn("#caller-start");
        waitFor(10, "refused", () -> "1404".equals(window.viewModel().caller().rejectReasonProperty().get()));
        assertEquals("1404", robot.lookup("#caller-reject").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#caller-outcome").queryAs(Label.class).getText().contains("no such stream"));

        // Now send the bundled clip over RTMP and watch it arrive.
        robot.interact(() -> robot.lookup("#caller-url").queryAs(TextField.class)
                .setText("rtmp://127.0.0.1:" + rtmpPort + "/live/probe"));
        robot.clickOn("#caller-action-send-test-stream");
        robot.clickOn("#caller-start");
        waitFor(15, "the test stream arrives", () -> {
            StreamRowViewModel row = window.viewModel().streams().row("live/probe");
            return row != null && "H264".equals(row.videoCodecProperty().get()) && row.widthProperty().get() == 320;
        });
        robot.clickOn("#caller-hang-up");
        waitFor(10, "hung up", () -> !window.viewModel().caller().runningProperty().get());
    }

    @Test
    void aPlayerIsDisconnectedFromTheDetail(FxRobot robot) throws Exception {
        startListeners(robot);
        robot.clickOn("#nav-streams");
        String url = "rtmp://127.0.0.1:" + rtmpPort + "/live/watch";
        try (FfmpegPeer publisher = FfmpegPeer.start(url, 20, OUT.resolve("watch-publisher.log"));
             FfmpegPeer player = FfmpegPeer.play(url, OUT.resolve("watch-player.log"))) {
            waitFor(15, "a player watches", () -> {
                StreamRowViewModel row = window.viewModel().streams().row("live/watch");
                return row != null && row.playersProperty().get() == 1;
            });
            robot.interact(() -> window.viewModel().select("live/watch"));
            robot.clickOn("#detail-tab-players");
            waitFor(5, "the player row", () -> window.viewModel().detailProperty().get().players().size() == 1);
            String id = window.viewModel().detailProperty().get().players().getFirst().id();
            robot.clickOn("#disconnect-" + id);
            waitFor(10, "the player is gone", () -> window.viewModel().streams().row("live/watch").playersProperty().get() == 0);
            assertEquals(List.of(), window.viewModel().detailProperty().get().players());
        }
    }

    /** Scrolls the settings page so the node is on screen before the robot clicks it. */
    private static void reveal(FxRobot robot, String query) {
        robot.interact(() -> {
            javafx.scene.Node n = robot.lookup(query).query();
            javafx.scene.control.ScrollPane sp = robot.lookup("#settings-page").queryAs(javafx.scene.control.ScrollPane.class);
            javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (room > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void click(FxRobot robot, String query) {
        reveal(robot, query);
        robot.clickOn(query);
    }

}

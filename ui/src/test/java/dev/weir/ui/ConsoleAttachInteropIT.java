package dev.weir.ui;

import dev.weir.engine.StandardListeners;
import dev.weir.engine.WeirEngine;
import dev.weir.engine.api.SnapshotJson;
import dev.weir.engine.config.EngineConfig;
import dev.weir.engine.config.MetricsSettings;
import dev.weir.engine.config.RtmpSettings;
import dev.weir.engine.json.JsonParser;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.ui.engine.EngineHost;
import dev.weir.ui.engine.ReadOnlyEngineException;
import dev.weir.ui.listeners.ListenerRowState;
import dev.weir.ui.prefs.Screen;
import dev.weir.ui.streams.StreamRowViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.weir.ui.ConsoleOnEngine.waitFor;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The console attached to a second, real {@code WeirEngine} (its API server on a free loopback port) into which
 * ffmpeg publishes: the stream shows with the numbers of the remote's {@code /api/v1/snapshot}, everything that would
 * change the engine is disabled under a read-only indicator, the remote going away shows as the poll's error, and
 * Detach brings back the local engine, which kept running.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleAttachInteropIT {
    private static final Path OUT = Path.of("target", "interop", "attach").toAbsolutePath();
    private final int localRtmpPort = FreePort.find();
    private final int remoteRtmpPort = FreePort.find();
    private final int apiPort = FreePort.find();
    private ConsoleOnEngine console;
    private EngineHost local;
    private WeirEngine remote;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnEngine.show(stage,
                EngineConfig.DEFAULTS.withRtmp(new RtmpSettings("127.0.0.1:" + localRtmpPort, 4096)),
                java.nio.file.Files.createTempDirectory("weir-attach"));
        local = console.engine();
        window = console.window();
        remote = StandardListeners.engine(EngineConfig.DEFAULTS
                .withRtmp(new RtmpSettings("127.0.0.1:" + remoteRtmpPort, 4096))
                .withMetrics(new MetricsSettings("127.0.0.1:" + apiPort)));
        remote.startListener(Protocol.RTMP, "127.0.0.1:" + remoteRtmpPort);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        remote.close();
    }

    @Test
    void attachShowsTheRemoteReadOnlyThenDetachShowsTheLocalEngineAgain(FxRobot robot) throws Exception {
        robot.clickOn("#rtmp-toggle");
        waitFor(10, "the local RTMP listener runs",
                () -> window.viewModel().listeners().rtmp().stateProperty().get() == ListenerRowState.RUNNING);

        try (FfmpegPeer ffmpeg = FfmpegPeer.start("rtmp://127.0.0.1:" + remoteRtmpPort + "/live/remote", 60,
                OUT.resolve("remote-publisher.log"))) {
            waitFor(15, "the remote engine has live/remote", () -> remote.snapshot().streams().stream()
                    .anyMatch(s -> s.key().equals("live/remote") && s.bitrateIn() > 0));

            // A bad address is refused with a sentence, and nothing is attached.
            robot.clickOn("#nav-attach");
            robot.interact(() -> robot.lookup("#attach-address").queryAs(TextField.class).setText("ftp://127.0.0.1:" + apiPort));
            robot.clickOn("#attach-go");
            String error = robot.lookup("#attach-error").queryAs(Label.class).getText();
            assertTrue(error.contains("http://") && error.contains("ftp://"), error);
            assertFalse(window.viewModel().attach().attachedProperty().get());
            robot.interact(() -> robot.lookup("#attach-address").queryAs(TextField.class).setText("127.0.0.1"));
            robot.clickOn("#attach-go");
            assertTrue(robot.lookup("#attach-error").queryAs(Label.class).getText().contains("no port"));

            robot.interact(() -> robot.lookup("#attach-address").queryAs(TextField.class).setText("http://127.0.0.1:" + apiPort));
            robot.clickOn("#attach-go");
            waitFor(10, "the poll status says connected",
                    () -> "connected".equals(robot.lookup("#attach-status").queryAs(Label.class).getText()));
            assertEquals("Read-only — attached to 127.0.0.1:" + apiPort,
                    robot.lookup("#attached-indicator").queryAs(Label.class).getText());
            assertTrue(robot.lookup("#attached-banner").query().isVisible());

            // Dashboard: the remote's listener, not the local one; its button does nothing.
            waitFor(5, "the remote RTMP listener row", () -> "Running".equals(
                    robot.lookup("#remote-rtmp-state").queryAs(Label.class).getText()));
            assertEquals("127.0.0.1:" + remoteRtmpPort,
                    robot.lookup("#remote-rtmp-address").queryAs(TextField.class).getText());
            assertTrue(robot.lookup("#remote-rtmp-toggle").queryAs(Button.class).isDisabled());
            assertFalse(shown(robot.lookup("#rtmp-toggle").query()), "the local rows are hidden while attached");

            // Streams: the remote's stream with exactly the numbers of its JSON, and no record button that works.
            robot.clickOn("#nav-streams");
            waitFor(10, "live/remote in the streams table", () -> window.viewModel().streams().row("live/remote") != null);
            assertSameNumbersAsTheRemoteJson("live/remote");
            StreamRowViewModel row = window.viewModel().streams().row("live/remote");
            assertEquals("H264", row.videoCodecProperty().get());
            assertEquals(640, row.widthProperty().get());
            waitFor(5, "the record button shows", () -> robot.lookup("#record-live-remote").tryQuery().isPresent());
            assertTrue(robot.lookup("#record-live-remote").queryAs(Button.class).isDisabled(), "record is disabled");
            robot.clickOn("#nav-settings");
            assertTrue(robot.lookup("#settings-apply").queryAs(Button.class).isDisabled(), "apply is disabled");
            assertThrows(ReadOnlyEngineException.class, () -> window.viewModel().engine().startRecording("live/remote"),
                    "the engine refuses changes behind the disabled buttons");
            assertEquals(Map.of(), remote.snapshot().streams().stream().filter(s -> s.recording() != null)
                    .collect(java.util.stream.Collectors.toMap(StreamSnapshot::key, s -> s.recording())));

            // The detail of a remote stream has no Disconnect buttons.
            robot.clickOn("#nav-streams");
            robot.interact(() -> window.viewModel().select("live/remote"));
            assertNotNull(window.viewModel().detailProperty().get());
            assertTrue(robot.lookup(n -> n.getId() != null && n.getId().startsWith("disconnect-")).tryQuery().isEmpty());
        }

        // The remote goes away: the status says so, the last numbers stay.
        remote.close();
        waitFor(10, "the status shows the error", () -> {
            String status = robot.lookup("#attach-status").queryAs(Label.class).getText();
            return status.startsWith("connection lost") && status.contains("127.0.0.1:" + apiPort);
        });
        assertFalse(window.viewModel().attach().connectedProperty().get());

        // Detach: the local engine again, still running its listener.
        robot.clickOn("#detach-button");
        assertFalse(window.viewModel().attach().attachedProperty().get());
        assertFalse(robot.lookup("#attached-banner").query().isVisible());
        waitFor(5, "the remote stream is gone from the table", () -> window.viewModel().streams().row("live/remote") == null);
        robot.interact(() -> window.show(Screen.DASHBOARD));
        Node localToggle = robot.lookup("#rtmp-toggle").query();
        assertTrue(shown(localToggle) && !localToggle.isDisabled());
        assertFalse(shown(robot.lookup("#remote-rtmp-toggle").query()));
        assertEquals("Running", robot.lookup("#rtmp-state").queryAs(Label.class).getText());
        assertTrue(local.engine().listenerSnapshots().stream()
                .anyMatch(l -> l.protocol() == Protocol.RTMP && l.state() == ListenerSnapshot.ListenerState.RUNNING),
                "the local engine kept running while attached");
        assertEquals("Attach to server…", robot.lookup("#nav-attach").queryAs(Button.class).getText());
    }

    /**
     * The console's row holds the stream exactly as the remote's JSON had it at one of its snapshots. The remote takes
     * one every 250 ms and the console polls every 250 ms, so the console shows a snapshot the JSON had a moment ago:
     * this fetches the JSON every 60 ms (seeing every remote snapshot) and looks for the shown one among the last
     * ones fetched. (Comparing with the latest JSON only could miss for good when the two periods stay in a phase
     * where the remote moves on just before each console poll is shown.)
     */
    private void assertSameNumbersAsTheRemoteJson(String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + apiPort + "/api/v1/snapshot");
        Deque<Map.Entry<StreamSnapshot, JsonValue.JsonObject>> fetched = new ArrayDeque<>();
        String lastDifference = "never compared";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonValue.JsonObject json = JsonParser.parseObject(body);
            JsonValue.JsonObject streamJson = json.array("streams").stream().map(v -> (JsonValue.JsonObject) v)
                    .filter(o -> key.equals(o.string("key"))).findFirst().orElseThrow();
            StreamSnapshot fromJson = SnapshotJson.read(json).streams().stream()
                    .filter(s -> s.key().equals(key)).findFirst().orElseThrow();
            fetched.addLast(Map.entry(fromJson, streamJson));
            if (fetched.size() > 40) {
                fetched.removeFirst(); // the last 2.4 s
            }
            StreamSnapshot shown = WaitForAsyncUtils.asyncFx(() -> window.viewModel().streams().row(key).snapshotProperty().get())
                    .get(5, TimeUnit.SECONDS);
            long bitrateShown = WaitForAsyncUtils.asyncFx(() -> window.viewModel().streams().row(key).bitrateInProperty().get())
                    .get(5, TimeUnit.SECONDS);
            for (Map.Entry<StreamSnapshot, JsonValue.JsonObject> f : fetched) {
                if (shown.equals(f.getKey()) && bitrateShown == shown.bitrateIn()) {
                    assertEquals(f.getValue().longValue("bytes_in"), shown.bytesIn());
                    assertEquals(f.getValue().longValue("bitrate_in"), bitrateShown);
                    assertEquals(f.getValue().longValue("bitrate_in"), shown.bitrateIn());
                    assertTrue(shown.bytesIn() > 0);
                    return;
                }
            }
            lastDifference = "console " + shown + " vs latest JSON " + fromJson;
            Thread.sleep(60);
        }
        fail("the console never showed the remote JSON's numbers: " + lastDifference);
    }

    /** Visible, and so are all its parents. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

}

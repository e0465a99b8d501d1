package dev.weir.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Screenshots of the console's main screens on a real X window: starts its own Xvfb, runs {@link ScreenshotMain}
 * in a child JVM with the gtk glass platform on that display, publishes a live stream with ffmpeg, and checks the
 * PNGs it wrote to {@code target/screenshots/}. Fails when Xvfb or ffmpeg is missing.
 */
class ConsoleScreenshotIT {
    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static final Path OUT = Path.of("target", "screenshots").toAbsolutePath();
    private static final List<String> SCREENS =
            List.of("01-dashboard.png", "02-dashboard-dark.png", "03-streams.png", "04-stream-charts.png",
                    "05-stream-srt-stats.png", "06-stream-keys.png", "07-stream-players.png", "08-settings.png",
                    "09-caller-connected.png", "10-caller-refused.png", "11-log.png", "12-listener-error.png",
                    "13-caller-receive-rtmp.png", "14-attached.png");

    private static final String END_OF_OUTPUT = "\u0000end of output";

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : started.reversed()) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void mainScreensOnARealWindow() throws Exception {
        assertTrue(Files.isExecutable(XVFB), "Xvfb is not installed at " + XVFB + "; this test needs it");
        int display = startXvfb();
        Files.createDirectories(OUT);
        for (String screen : SCREENS) {
            Files.deleteIfExists(OUT.resolve(screen));
        }

        int port = FreePort.find();
        int srtPort = FreeUdpPort.find();
        Process console = startConsole(display, port, srtPort);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder transcript = new StringBuilder();
        Thread reader = Thread.ofPlatform().name("screenshot-child-output").daemon(true).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (transcript) {
                        transcript.append(line).append('\n');
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("WEIR-READ-FAILED " + e.getMessage());
            }
            lines.add(END_OF_OUTPUT);
        });

        awaitLine(lines, "WEIR-LISTENING", 60, transcript);
        String url = "rtmp://127.0.0.1:" + port + "/live/test";
        String srtUrl = "srt://127.0.0.1:" + srtPort + "?streamid=publish:live/studio&passphrase=" + ScreenshotMain.PASSPHRASE
                + "&kmrefreshrate=1024&kmpreannounce=256";
        try (FfmpegPeer publisher = FfmpegPeer.start(url, 90, OUT.resolve("ffmpeg-publisher.log"));
             FfmpegPeer player = FfmpegPeer.play(url, OUT.resolve("ffmpeg-player.log"));
             FfmpegPeer srt = FfmpegPeer.startSrt(srtUrl, 90, OUT.resolve("ffmpeg-srt-publisher.log"))) {
            awaitLine(lines, "WEIR-DONE", 150, transcript);
            assertTrue(console.waitFor(30, TimeUnit.SECONDS), "console child did not exit");
            assertEquals(0, console.exitValue(), () -> "console child failed:\n" + text(transcript));
        }
        reader.join(5000);

        for (String screen : SCREENS) {
            Path png = OUT.resolve(screen);
            assertTrue(Files.isRegularFile(png), screen + " was not written");
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(ConsoleWindow.WIDTH, image.getWidth(), screen);
            assertEquals(ConsoleWindow.HEIGHT, image.getHeight(), screen);
            assertTrue(distinctColours(image) > 50, screen + " looks blank");
        }
    }

    private int startXvfb() throws Exception {
        for (int display = 77; display < 120; display++) {
            if (Files.exists(Path.of("/tmp/.X" + display + "-lock"))
                    || Files.exists(Path.of("/tmp/.X11-unix/X" + display))) {
                continue;
            }
            Process xvfb = new ProcessBuilder(XVFB.toString(), ":" + display,
                    "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset")
                    .redirectErrorStream(true)
                    .redirectOutput(OUT.getParent().resolve("xvfb-" + display + ".log").toFile())
                    .start();
            started.add(xvfb);
            Path socket = Path.of("/tmp/.X11-unix/X" + display);
            for (int i = 0; i < 100 && xvfb.isAlive() && !Files.exists(socket); i++) {
                Thread.sleep(100);
            }
            if (xvfb.isAlive() && Files.exists(socket)) {
                return display;
            }
            started.remove(xvfb);
            xvfb.destroyForcibly();
        }
        return fail("no free X display between :77 and :119 for Xvfb");
    }

    private Process startConsole(int display, int port, int srtPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java,
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=gtk", "-Djdk.gtk.version=3", "-Dprism.order=sw",
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                ScreenshotMain.class.getName(), String.valueOf(port), OUT.toString(), String.valueOf(srtPort));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", ":" + display);
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void awaitLine(BlockingQueue<String> lines, String wanted, int seconds, StringBuilder transcript)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null || line.equals(END_OF_OUTPUT)) {
                fail(line == null ? "console child did not print " + wanted + " within " + seconds + " s:\n" + text(transcript)
                        : "console child ended before printing " + wanted + ":\n" + text(transcript));
            }
            if (line.equals(wanted)) {
                return;
            }
        }
    }

    private static String text(StringBuilder transcript) {
        synchronized (transcript) {
            return transcript.toString();
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

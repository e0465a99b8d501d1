package dev.weir.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code weir server} as an operator runs it: a separate process started from the packaged jar, with real
 * ffmpeg publishing through it, stopped with SIGTERM.
 */
class ServerProcessIT {
    private static final Pattern LISTENING = Pattern.compile("weir: RTMP listening on (\\S+):(\\d+)");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    private Process startServer(BlockingQueue<String> stdout, String... flags) throws IOException {
        Path home = Path.of(System.getProperty("weir.app.home", "target"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("weir-app.jar") + java.io.File.pathSeparator + home.resolve("lib") + "/*",
                "dev.weir.app.Main", "server"));
        cmd.addAll(List.of(flags));
        // stdout goes to a file that a thread follows: reading the pipe directly loses the last line when the
        // JDK's process reaper closes the pipe under a blocked reader as the server exits.
        Path log = Files.createTempFile("weir-server", ".out");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(log.toFile()).start();
        started.add(p);
        Thread.ofPlatform().daemon().name("server-stdout").start(() -> {
            int consumed = 0;
            try {
                while (true) {
                    boolean exited = !p.isAlive();
                    byte[] all = Files.readAllBytes(log);
                    int nl;
                    while ((nl = indexOf(all, (byte) '\n', consumed)) >= 0) {
                        stdout.add(new String(all, consumed, nl - consumed, StandardCharsets.UTF_8));
                        consumed = nl + 1;
                    }
                    if (exited) return; // read once more after the exit: nothing can follow
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException ignored) {
                // the test is over
            }
        });
        return p;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == value) return i;
        return -1;
    }

    @Test
    void printsItsListenerRelaysRealMediaAndStopsCleanlyOnSigterm() throws Exception {
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Process server = startServer(out, "-listen", "127.0.0.1:0", "-log-level", "warn");
        String line = out.poll(30, TimeUnit.SECONDS);
        assertNotNull(line, "weir server printed no listener line within 30 s");
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.matches(), "unexpected first line: " + line);
        int port = Integer.parseInt(m.group(2));
        assertTrue(port > 0, line);

        // Publish 6 s of generated H.264 + AAC and read it back over RTMP at the same time.
        String url = "rtmp://127.0.0.1:" + port + "/live/process";
        Path received = Files.createTempFile("weir-process", ".flv");
        Process player = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-rw_timeout", "15000000",
                "-i", url, "-c", "copy", "-t", "4", received.toString())
                .redirectErrorStream(true).start();
        started.add(player);
        Process publisher = new ProcessBuilder("ffmpeg", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-f", "flv", url)
                .redirectErrorStream(true).start();
        started.add(publisher);
        assertTrue(publisher.waitFor(30, TimeUnit.SECONDS), "publisher did not finish");
        assertEquals(0, publisher.exitValue(), new String(publisher.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(player.waitFor(30, TimeUnit.SECONDS), "player did not finish");
        assertEquals(0, player.exitValue(), new String(player.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", received.toString())
                .redirectErrorStream(true).start();
        String probed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
        String[] fields = probed.split(",");
        assertEquals("h264", fields[0], probed);
        int frames = Integer.parseInt(fields[1]);
        assertTrue(frames >= 75 && frames <= 101, "expected about 4 s at 25 fps, got " + frames + " frames");
        Files.deleteIfExists(received);

        // SIGTERM with kill: Process.destroy() would also close our end of its stdout, racing the last line.
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor());
        assertTrue(server.waitFor(15, TimeUnit.SECONDS), "server did not stop within 15 s of SIGTERM");
        assertEquals(0, server.exitValue());
        String last = null;
        for (String l; (l = out.poll(2, TimeUnit.SECONDS)) != null; ) last = l;
        assertEquals("weir: stopped", last);
    }

    @Test
    void srtPublishPlaysOverRtmpAndIsRecordedThenSigtermFinalizesTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Path recordings = dir.resolve("rec");
        startServer(out, "-listen", "127.0.0.1:0", "-srt-listen", "127.0.0.1:0", "-srt-latency", "200",
                "-record-all", "-record-dir", recordings.toString(), "-log-level", "warn");
        Matcher rtmp = LISTENING.matcher(String.valueOf(out.poll(30, TimeUnit.SECONDS)));
        assertTrue(rtmp.matches(), "first line");
        String srtLine = out.poll(30, TimeUnit.SECONDS);
        Matcher srt = Pattern.compile("weir: SRT listening on 127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(srtLine));
        assertTrue(srt.matches(), "unexpected second line: " + srtLine);
        int srtPort = Integer.parseInt(srt.group(1));

        Process publisher = new ProcessBuilder("ffmpeg", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-f", "mpegts",
                "srt://127.0.0.1:" + srtPort + "?streamid=publish:live/srt&pkt_size=1316")
                .redirectErrorStream(true).start();
        started.add(publisher);
        Thread.sleep(2000);
        Path received = dir.resolve("received.flv");
        Process player = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i",
                "rtmp://127.0.0.1:" + rtmp.group(2) + "/live/srt", "-c", "copy", "-t", "2", received.toString())
                .redirectErrorStream(true).start();
        started.add(player);
        assertTrue(player.waitFor(30, TimeUnit.SECONDS), "player did not finish");
        assertEquals(0, player.exitValue(), new String(player.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(Files.size(received) > 0);

        Process server = started.get(0);
        server.destroy(); // SIGTERM while the publisher still runs: the recording must be finalized
        assertTrue(server.waitFor(15, TimeUnit.SECONDS), "server did not stop within 15 s of SIGTERM");
        assertEquals(0, server.exitValue());
        List<Path> files;
        try (var s = Files.list(recordings)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches("live_srt_\\d{8}_\\d{6}\\.ts"), files.toString());
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", files.get(0).toString())
                .redirectErrorStream(true).start();
        String probed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
        assertTrue(probed.startsWith("h264,"), probed);
        assertTrue(Integer.parseInt(probed.lines().findFirst().orElseThrow().split(",")[1]) >= 25, probed);
    }

    @Test
    void portInUseIsAOneLineErrorAndExitOne() throws Exception {
        try (var blocker = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path home = Path.of(System.getProperty("weir.app.home", "target"));
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", home.resolve("weir-app.jar") + java.io.File.pathSeparator + home.resolve("lib") + "/*",
                    "dev.weir.app.Main", "server", "-listen", "127.0.0.1:" + blocker.getLocalPort())
                    .start();
            started.add(p);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains("weir server: ") && err.contains("in use"), err);
            assertTrue(!err.contains("\tat "), "stack trace in: " + err);
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(!stdout.contains("listening"), "claimed to listen: " + stdout);
        }
    }
}

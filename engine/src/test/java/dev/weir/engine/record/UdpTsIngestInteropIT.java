package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.MediaPeers;
import dev.weir.engine.media.convert.TsToFlv;
import dev.weir.engine.media.ts.TsDemuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live shape of the SRT ingest path without SRT: ffmpeg sends MPEG-TS in real time as 1316-byte UDP
 * datagrams on 127.0.0.1, each datagram goes into the demuxer as it arrives, and the converted messages are
 * recorded; ffprobe decodes the recording.
 */
class UdpTsIngestInteropIT {
    @TempDir
    Path dir;

    @Test
    void liveUdpTsToFlvRecording() throws IOException, InterruptedException {
        List<MediaMessage> messages = new ArrayList<>();
        TsToFlv converter = new TsToFlv("udp/live", messages::add);
        TsDemuxer demuxer = new TsDemuxer(converter);
        List<Integer> sizes = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setReceiveBufferSize(4 << 20);
            socket.setSoTimeout(3_000);
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                    "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "3",
                    "-pix_fmt", "yuv420p", "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-f", "mpegts",
                    "udp://127.0.0.1:" + socket.getLocalPort() + "?pkt_size=1316")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                byte[] buf = new byte[2048];
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (SocketTimeoutException e) {
                        break; // ffmpeg has finished sending
                    }
                    sizes.add(p.getLength());
                    demuxer.feed(p.getData(), p.getOffset(), p.getLength());
                }
                assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, ffmpeg.exitValue());
            } finally {
                ffmpeg.destroyForcibly();
            }
        }
        demuxer.endOfStream();
        assertTrue(sizes.size() > 50);
        assertTrue(sizes.stream().allMatch(n -> n % 188 == 0 && n <= 1316), "datagrams carry whole packets");
        assertEquals(0, demuxer.counters().continuityErrors(), "no loss on loopback");

        Path flv = dir.resolve("udp_live.flv");
        try (FlvRecorder recorder = FlvRecorder.create(flv)) {
            for (MediaMessage m : messages) {
                recorder.write(m);
            }
        }
        MediaPeers.Probe probe = MediaPeers.probe(flv);
        assertEquals("h264", probe.stream("video").codecName());
        assertEquals(75, probe.stream("video").framesDecoded());
        assertEquals("aac", probe.stream("audio").codecName());
        assertEquals(3.0, probe.duration(), 1.0);
    }
}

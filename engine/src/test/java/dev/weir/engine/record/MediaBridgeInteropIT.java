package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.FlvFileReader;
import dev.weir.engine.media.MediaPeers;
import dev.weir.engine.media.convert.FlvToTs;
import dev.weir.engine.media.convert.TsToFlv;
import dev.weir.engine.media.ts.ProgramMap;
import dev.weir.engine.media.ts.SrtPayloadGrouper;
import dev.weir.engine.media.ts.TsCodec;
import dev.weir.engine.media.ts.TsDemuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media path against ffmpeg/ffprobe 5.1 on local files: ffmpeg's TS through Weir's demuxer and converter
 * into Weir's FLV and fMP4 recorders, and ffmpeg's FLV through Weir's TS muxer, each decoded by ffprobe.
 */
class MediaBridgeInteropIT {
    static final double SECONDS = 4;
    static final long FRAMES = 100; // 4 s at 25 fps

    @TempDir
    Path dir;

    /** Demuxes {@code ts} fed as SRT would deliver it (1316-byte payloads) into hub messages. */
    static List<MediaMessage> demux(byte[] ts) {
        List<MediaMessage> messages = new ArrayList<>();
        TsToFlv converter = new TsToFlv("test/interop", messages::add);
        TsDemuxer demuxer = new TsDemuxer(converter);
        for (int p = 0; p < ts.length; p += SrtPayloadGrouper.PAYLOAD_SIZE) {
            demuxer.feed(ts, p, Math.min(SrtPayloadGrouper.PAYLOAD_SIZE, ts.length - p));
        }
        demuxer.endOfStream();
        assertEquals(0, demuxer.counters().continuityErrors());
        assertEquals(0, demuxer.counters().pesDropped());
        assertEquals(0, converter.malformedUnits());
        return messages;
    }

    @Test
    void ffmpegH264AacTsBecomesAnFlvRecordingFfprobeDecodes() throws IOException {
        Path ts = dir.resolve("in.ts");
        MediaPeers.encode(ts, SECONDS, "libx264", "mpegts");
        Path flv = dir.resolve("live_test_20260101_000000.flv");
        try (FlvRecorder recorder = FlvRecorder.create(flv)) {
            for (MediaMessage m : demux(Files.readAllBytes(ts))) {
                recorder.write(m);
            }
        }
        MediaPeers.Probe probe = MediaPeers.probe(flv);
        assertEquals("h264", probe.stream("video").codecName());
        assertEquals(FRAMES, probe.stream("video").framesDecoded());
        assertEquals("aac", probe.stream("audio").codecName());
        assertTrue(probe.stream("audio").framesDecoded() > 150, "about 172 AAC frames in 4 s");
        assertEquals(SECONDS, probe.duration(), 1.0);
        assertEquals("", MediaPeers.decodeErrors(flv));
        FlvFileReader.read(Files.readAllBytes(flv)); // every back pointer right
    }

    @Test
    void ffmpegH265TsBecomesAnFmp4RecordingFfprobeDecodes() throws IOException {
        Path ts = dir.resolve("in.ts");
        MediaPeers.encode(ts, SECONDS, "libx265", "mpegts");
        Path mp4 = dir.resolve("live_hevc_20260101_000000.mp4");
        try (Fmp4Recorder recorder = Fmp4Recorder.create(mp4)) {
            for (MediaMessage m : demux(Files.readAllBytes(ts))) {
                recorder.write(m);
            }
        }
        MediaPeers.Probe probe = MediaPeers.probe(mp4);
        assertEquals("hevc", probe.stream("video").codecName());
        assertEquals(FRAMES, probe.stream("video").framesDecoded());
        assertEquals("aac", probe.stream("audio").codecName());
        assertEquals(SECONDS, probe.duration(), 1.0);
        assertEquals("", MediaPeers.decodeErrors(mp4));
    }

    @Test
    void ffmpegH264TsBecomesAnFmp4RecordingToo() throws IOException {
        Path ts = dir.resolve("in.ts");
        MediaPeers.encode(ts, SECONDS, "libx264", "mpegts");
        Path mp4 = dir.resolve("live_avc.mp4");
        try (Fmp4Recorder recorder = Fmp4Recorder.create(mp4)) {
            for (MediaMessage m : demux(Files.readAllBytes(ts))) {
                recorder.write(m);
            }
        }
        MediaPeers.Probe probe = MediaPeers.probe(mp4);
        assertEquals("h264", probe.stream("video").codecName());
        assertEquals(FRAMES, probe.stream("video").framesDecoded());
        assertEquals(SECONDS, probe.duration(), 1.0);
    }

    @Test
    void ffmpegFlvThroughWeirsTsMuxerDecodes() throws IOException {
        for (String codec : List.of("libx264", "libx265")) {
            Path in = dir.resolve(codec + ".flv");
            if (codec.equals("libx265")) {
                // ffmpeg 5.1 cannot write HEVC in FLV: take the H.265 path through Weir's own TS→FLV conversion
                Path ts = dir.resolve("hevc.ts");
                MediaPeers.encode(ts, SECONDS, codec, "mpegts");
                writeViaFlvToTs(demux(Files.readAllBytes(ts)), dir.resolve("out-" + codec + ".ts"));
            } else {
                MediaPeers.encode(in, SECONDS, codec, "flv");
                writeViaFlvToTs(FlvFileReader.read(Files.readAllBytes(in)), dir.resolve("out-" + codec + ".ts"));
            }
            Path out = dir.resolve("out-" + codec + ".ts");
            MediaPeers.Probe probe = MediaPeers.probe(out);
            assertEquals(codec.equals("libx264") ? "h264" : "hevc", probe.stream("video").codecName());
            assertEquals(FRAMES, probe.stream("video").framesDecoded(), codec);
            assertEquals("aac", probe.stream("audio").codecName());
            assertTrue(probe.stream("audio").framesDecoded() > 150);
            assertEquals(SECONDS, probe.duration(), 1.0);
            assertEquals("", MediaPeers.decodeErrors(out));
        }
    }

    @Test
    void lossyTsStillMakesAPlayableRecording() throws IOException {
        Path ts = dir.resolve("lossy.ts");
        MediaPeers.encode(ts, SECONDS, "libx264", "mpegts");
        byte[] clean = Files.readAllBytes(ts);
        java.io.ByteArrayOutputStream lossy = new java.io.ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(5);
        int lost = 0;
        for (int p = 0; p < clean.length; p += 188) {
            if (p > 40 * 188 && random.nextInt(200) == 0) {
                lost++; // one packet in 200 lost, as on a bad link without retransmission
            } else {
                lossy.write(clean, p, 188);
            }
        }
        List<MediaMessage> messages = new ArrayList<>();
        TsToFlv converter = new TsToFlv("test/lossy", messages::add);
        TsDemuxer demuxer = new TsDemuxer(converter);
        demuxer.feed(lossy.toByteArray());
        demuxer.endOfStream();
        assertTrue(demuxer.counters().continuityErrors() > 0 && demuxer.counters().continuityErrors() <= lost);
        assertTrue(demuxer.counters().pesDropped() > 0);
        Path flv = dir.resolve("live_lossy.flv");
        try (FlvRecorder recorder = FlvRecorder.create(flv)) {
            for (MediaMessage m : messages) {
                recorder.write(m);
            }
        }
        MediaPeers.Probe probe = MediaPeers.probe(flv);
        long frames = probe.stream("video").framesDecoded();
        assertTrue(frames >= 60 && frames < FRAMES, "damaged frames dropped, the rest decodes: " + frames);
        assertEquals(SECONDS, probe.duration(), 1.0);
    }

    @Test
    void mp3InTsBecomesFlvSoundFormat2() throws IOException {
        Path ts = dir.resolve("mp3.ts");
        MediaPeers.encode(ts, SECONDS, "libx264", List.of("-c:a", "libmp3lame", "-ac", "2"), "mpegts");
        Path flv = dir.resolve("live_mp3.flv");
        try (FlvRecorder recorder = FlvRecorder.create(flv)) {
            for (MediaMessage m : demux(Files.readAllBytes(ts))) {
                recorder.write(m);
            }
        }
        MediaPeers.Probe probe = MediaPeers.probe(flv);
        assertEquals("mp3", probe.stream("audio").codecName());
        assertTrue(probe.stream("audio").framesDecoded() > 140, "about 153 MP3 frames in 4 s");
        assertEquals(FRAMES, probe.stream("video").framesDecoded());
        assertEquals("", MediaPeers.decodeErrors(flv));
    }

    @Test
    void opusAndAc3FromFfmpegAreRecognisedAndSkippedWhileVideoGoesOn() throws IOException {
        for (List<String> audio : List.of(List.of("-c:a", "libopus", "-ar", "48000"), List.of("-c:a", "ac3"))) {
            Path ts = dir.resolve("other.ts");
            MediaPeers.encode(ts, 2, "libx264", audio, "mpegts");
            List<MediaMessage> messages = new ArrayList<>();
            TsToFlv converter = new TsToFlv("test/interop", messages::add);
            TsDemuxer demuxer = new TsDemuxer(converter);
            demuxer.feed(Files.readAllBytes(ts));
            demuxer.endOfStream();
            TsCodec expected = audio.get(1).equals("libopus") ? TsCodec.OPUS : TsCodec.AC3;
            assertEquals(List.of(TsCodec.H264, expected),
                    demuxer.programMap().streams().stream().map(ProgramMap.ElementaryStream::codec).toList());
            assertTrue(converter.skippedUnits() > 0, "the audio PES were counted");
            assertTrue(messages.stream().allMatch(m -> m.kind() == MediaMessage.Kind.VIDEO));
            assertEquals(51, messages.size(), "sequence header + 50 frames");
        }
    }

    private static void writeViaFlvToTs(List<MediaMessage> messages, Path out) throws IOException {
        ByteArrayOutputStream ts = new ByteArrayOutputStream();
        List<Integer> payloadSizes = new ArrayList<>();
        SrtPayloadGrouper grouper = new SrtPayloadGrouper(payload -> {
            payloadSizes.add(payload.length);
            ts.writeBytes(payload);
        });
        FlvToTs muxer = new FlvToTs("test/interop", grouper);
        messages.forEach(muxer::accept);
        grouper.flush();
        assertEquals(0, muxer.droppedMessages());
        assertTrue(payloadSizes.subList(0, payloadSizes.size() - 1).stream().allMatch(n -> n == 1316));
        Files.write(out, ts.toByteArray());
    }
}

package dev.weir.engine.media.mp4;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.convert.FlvPayload;
import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.aac.AudioSpecificConfig;
import dev.weir.engine.media.avc.AvcDecoderConfigurationRecord;
import dev.weir.engine.media.avc.AvcSps;
import dev.weir.engine.media.hevc.HevcDecoderConfigurationRecord;
import dev.weir.engine.media.hevc.HevcSps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns hub messages into a fragmented MP4, as a sequence of byte chunks to append to a file.
 *
 * <p>The init segment is produced once both a video and an audio sequence header have been seen (video: AVC,
 * HEVC, AV1, VP9; audio: AAC), or {@link #START_WAIT_MS} of frames after the first frame with whatever has been
 * seen; frames wait (in memory) until then. A track whose sequence header comes later is not recorded.
 * Recording starts at the first video keyframe (or the first audio frame when there is no video).
 * A fragment is cut before each video keyframe, and also once it spans {@link #MAX_FRAGMENT_MS} (or
 * {@link #AUDIO_FRAGMENT_MS} without video), so a crash loses at most that much. Each sample's duration is the
 * distance to the next one of its track; so the newest sample of each track waits for its successor.
 *
 * <p>Not thread-safe. No I/O: the caller writes the returned chunks.
 */
public final class Fmp4Muxer {
    public static final long MAX_FRAGMENT_MS = 2_000;
    public static final long AUDIO_FRAGMENT_MS = 1_000;
    /** How long frames wait for the other track's sequence header before the file starts without it. */
    public static final long START_WAIT_MS = 1_000;

    private final List<MediaMessage> waiting = new ArrayList<>();

    private byte[] videoConfig;
    private FlvPayload.VideoCodec videoCodec;
    private byte[] audioConfig;

    private boolean initWritten;
    private TrackState video;
    private TrackState audio;
    private long startMs = Long.MIN_VALUE;
    private long fragmentStartMs = Long.MIN_VALUE;
    private int sequence;
    private long droppedMessages;
    private int width;
    private int height;

    /** Per-track samples waiting for a fragment, and the newest one waiting for its duration. */
    private static final class TrackState {
        final Mp4Track track;
        final List<Mp4Sample> ready = new ArrayList<>();
        Pending pending;
        long lastDuration;

        TrackState(Mp4Track track) {
            this.track = track;
        }

        long ticks(long ms) {
            return Math.floorDiv(ms * track.timescale(), 1000);
        }
    }

    private record Pending(long decodeTime, int compositionOffset, boolean sync, byte[] data, int offset,
                           int length) {
    }

    /**
     * Takes the next message; returns the bytes to append to the file now (often none).
     *
     * @throws Mp4Exception when a sequence header cannot be understood (the recording cannot start)
     */
    public List<byte[]> accept(MediaMessage m) throws Mp4Exception {
        List<byte[]> out = new ArrayList<>(2);
        if (m.kind() == MediaMessage.Kind.DATA) {
            readDimensions(m.body());
            return out;
        }
        FlvPayload payload = FlvPayload.of(m);
        boolean frame = payload instanceof FlvPayload.VideoFrame || payload instanceof FlvPayload.AacFrame;
        if (!initWritten && frame) {
            waiting.add(m);
            long span = m.timestamp() - waiting.getFirst().timestamp();
            boolean allConfigs = videoConfig != null && audioConfig != null;
            if (!allConfigs && span < START_WAIT_MS && waiting.size() < 1000) {
                return out; // the other track's sequence header may still come
            }
            start(out);
            for (MediaMessage w : waiting) {
                handle(w, FlvPayload.of(w), out);
            }
            waiting.clear();
            return out;
        }
        handle(m, payload, out);
        return out;
    }

    private void handle(MediaMessage m, FlvPayload payload, List<byte[]> out) {
        switch (payload) {
            case FlvPayload.VideoConfig c -> {
                byte[] config = Arrays.copyOfRange(c.body(), c.offset(), c.body().length);
                if (initWritten && (c.codec() != videoCodec || !Arrays.equals(config, videoConfig))) {
                    droppedMessages++; // an MP4 track cannot change codec or parameters mid-file
                } else if (!initWritten) {
                    videoConfig = config;
                    videoCodec = c.codec();
                }
            }
            case FlvPayload.AacConfig c -> {
                if (!initWritten) {
                    audioConfig = Arrays.copyOfRange(c.body(), c.offset(), c.body().length);
                }
            }
            case FlvPayload.VideoFrame f -> {
                if (video == null || f.codec() != videoCodec) {
                    droppedMessages++;
                } else {
                    videoFrame(m.timestamp(), f, out);
                }
            }
            case FlvPayload.AacFrame f -> {
                if (audio == null) {
                    droppedMessages++;
                } else {
                    audioFrame(m.timestamp(), f, out);
                }
            }
            case FlvPayload.Mp3Frame f -> droppedMessages++;
            case FlvPayload.Other o -> { }
        }
    }

    /** Ends the recording: the newest samples get their predecessor's duration and go into a last fragment. */
    public List<byte[]> finish() {
        List<byte[]> out = new ArrayList<>(1);
        if (!initWritten && !waiting.isEmpty()) {
            try {
                start(out);
                for (MediaMessage w : waiting) {
                    handle(w, FlvPayload.of(w), out);
                }
            } catch (Mp4Exception e) {
                droppedMessages += waiting.size();
            }
            waiting.clear();
        }
        for (TrackState t : tracks()) {
            if (t.pending != null) {
                Pending p = t.pending;
                t.ready.add(new Mp4Sample(p.decodeTime, t.lastDuration, p.compositionOffset, p.sync, p.data,
                        p.offset, p.length));
                t.pending = null;
            }
        }
        cut(out);
        return out;
    }

    /** Frames and headers that could not be recorded. */
    public long droppedMessages() {
        return droppedMessages;
    }

    /** Whether the init segment has been produced (the recording has its tracks). */
    public boolean started() {
        return initWritten;
    }

    private void start(List<byte[]> out) throws Mp4Exception {
        if (videoConfig == null && audioConfig == null) {
            waiting.clear();
            throw new Mp4Exception("the stream sent frames but no sequence header Weir can record");
        }
        int id = 1;
        List<Mp4Track> tracks = new ArrayList<>();
        if (videoConfig != null) {
            video = new TrackState(videoTrack(id++));
            tracks.add(video.track);
        }
        if (audioConfig != null) {
            try {
                AudioSpecificConfig asc = AudioSpecificConfig.parse(audioConfig, 0, audioConfig.length);
                // the sample entry gives the config's own fields (core rate, channel configuration), as before
                audio = new TrackState(Mp4Track.aac(id, audioConfig, asc.channelConfiguration(), asc.coreSampleRate()));
                tracks.add(audio.track);
            } catch (MalformedMediaException e) {
                throw new Mp4Exception("cannot record AAC: " + e.getMessage());
            }
        }
        initWritten = true;
        out.add(Mp4InitSegment.build(tracks));
    }

    private Mp4Track videoTrack(int id) throws Mp4Exception {
        try {
            return switch (videoCodec) {
                case H264 -> {
                    AvcSps sps = AvcDecoderConfigurationRecord.parse(videoConfig).firstSps();
                    yield Mp4Track.video(id, "avc1", "avcC", videoConfig, sps.width(), sps.height());
                }
                case H265 -> {
                    HevcSps sps = HevcDecoderConfigurationRecord.parse(videoConfig).firstSps();
                    yield Mp4Track.video(id, "hvc1", "hvcC", videoConfig, sps.width(), sps.height());
                }
                case AV1 -> Mp4Track.video(id, "av01", "av1C", videoConfig, width, height);
                case VP9 -> Mp4Track.video(id, "vp09", "vpcC", videoConfig, width, height);
            };
        } catch (MalformedMediaException e) {
            throw new Mp4Exception("cannot record " + videoCodec + ": " + e.getMessage());
        }
    }

    private void videoFrame(long ms, FlvPayload.VideoFrame f, List<byte[]> out) {
        if (startMs == Long.MIN_VALUE) {
            if (!f.key()) {
                droppedMessages++; // a recording starts with a picture a player can decode
                return;
            }
            startMs = ms;
        }
        if (f.key() && hasReady()) {
            promotePending(video, ms);
            cut(out);
        } else if (fragmentStartMs != Long.MIN_VALUE && ms - fragmentStartMs >= MAX_FRAGMENT_MS) {
            promotePending(video, ms);
            cut(out);
        }
        add(video, ms, (int) video.ticks(f.compositionTimeMs()), f.key(), f.body(), f.offset(), f.length());
    }

    private void audioFrame(long ms, FlvPayload.AacFrame f, List<byte[]> out) {
        if (startMs == Long.MIN_VALUE) {
            if (video != null) {
                droppedMessages++; // wait for the first video keyframe
                return;
            }
            startMs = ms;
        }
        if (video == null && fragmentStartMs != Long.MIN_VALUE && ms - fragmentStartMs >= AUDIO_FRAGMENT_MS) {
            promotePending(audio, ms);
            cut(out);
        }
        add(audio, ms, 0, true, f.body(), f.offset(), f.length());
    }

    private void add(TrackState t, long ms, int cts, boolean sync, byte[] data, int offset, int length) {
        long decode = Math.max(0, t.ticks(ms - startMs));
        promotePending(t, ms);
        t.pending = new Pending(decode, cts, sync, data, offset, length);
        if (fragmentStartMs == Long.MIN_VALUE) {
            fragmentStartMs = ms;
        }
    }

    /** The pending sample of {@code t} gets its duration from a successor at {@code ms} and becomes ready. */
    private void promotePending(TrackState t, long ms) {
        Pending p = t.pending;
        if (p == null) {
            return;
        }
        long decode = Math.max(0, t.ticks(ms - startMs));
        long duration = Math.max(0, decode - p.decodeTime);
        t.lastDuration = duration;
        t.ready.add(new Mp4Sample(p.decodeTime, duration, p.compositionOffset, p.sync, p.data, p.offset, p.length));
        t.pending = null;
    }

    private boolean hasReady() {
        for (TrackState t : tracks()) {
            if (!t.ready.isEmpty() || t.pending != null) {
                return true;
            }
        }
        return false;
    }

    private void cut(List<byte[]> out) {
        Map<Integer, List<Mp4Sample>> samples = new LinkedHashMap<>();
        for (TrackState t : tracks()) {
            if (!t.ready.isEmpty()) {
                samples.put(t.track.id(), List.copyOf(t.ready));
                t.ready.clear();
            }
        }
        if (!samples.isEmpty()) {
            out.add(Mp4Fragment.build(++sequence, samples));
        }
        fragmentStartMs = Long.MIN_VALUE;
        for (TrackState t : tracks()) {
            if (t.pending != null) {
                fragmentStartMs = Math.min(fragmentStartMs == Long.MIN_VALUE ? Long.MAX_VALUE : fragmentStartMs,
                        startMs + t.pending.decodeTime * 1000 / t.track.timescale());
            }
        }
    }

    private List<TrackState> tracks() {
        List<TrackState> list = new ArrayList<>(2);
        if (video != null) {
            list.add(video);
        }
        if (audio != null) {
            list.add(audio);
        }
        return list;
    }

    /** Picks width and height out of an onMetaData script tag (for AV1/VP9, whose headers Weir does not parse). */
    private void readDimensions(byte[] body) {
        width = width == 0 ? amfNumber(body, "width") : width;
        height = height == 0 ? amfNumber(body, "height") : height;
    }

    private static int amfNumber(byte[] b, String key) {
        byte[] k = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + 2 + k.length + 9 <= b.length; i++) {
            if (b[i] != 0 || b[i + 1] != k.length) {
                continue;
            }
            for (int j = 0; j < k.length; j++) {
                if (b[i + 2 + j] != k[j]) {
                    continue outer;
                }
            }
            int p = i + 2 + k.length;
            if (b[p] != 0) { // AMF0 number marker
                continue;
            }
            long bits = 0;
            for (int j = 1; j <= 8; j++) {
                bits = (bits << 8) | (b[p + j] & 0xFF);
            }
            double v = Double.longBitsToDouble(bits);
            return v > 0 && v < 65536 ? (int) v : 0;
        }
        return 0;
    }
}

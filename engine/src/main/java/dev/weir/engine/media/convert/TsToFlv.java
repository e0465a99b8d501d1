package dev.weir.engine.media.convert;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.es.AdtsHeader;
import dev.weir.engine.media.es.AnnexB;
import dev.weir.engine.media.es.AudioSpecificConfig;
import dev.weir.engine.media.es.AvcConfigRecord;
import dev.weir.engine.media.es.AvcSps;
import dev.weir.engine.media.es.EsFormatException;
import dev.weir.engine.media.es.HevcConfigRecord;
import dev.weir.engine.media.es.HevcSps;
import dev.weir.engine.media.es.MpegAudioHeader;
import dev.weir.engine.media.ts.AccessUnit;
import dev.weir.engine.media.ts.TsCodec;
import dev.weir.engine.media.ts.TsDemuxer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Converts the demuxer's access units into hub messages in RTMP/FLV form (see the package doc for the codecs).
 * The first video stream and the first audio stream the PMT lists are converted; further ones are ignored.
 * Opus and AC-3 have no legacy FLV tag: they are counted and skipped, with one warning per stream.
 *
 * <p>Timestamps: the 90 kHz clock becomes milliseconds from 0; discontinuities rebase
 * ({@link MediaTimeline}); each kind's timestamps never go backwards. Not thread-safe: the demuxer's thread
 * drives it. Use it directly as the demuxer's listener.
 */
public final class TsToFlv implements TsDemuxer.Listener {
    private static final Logger log = LoggerFactory.getLogger(TsToFlv.class);

    private final String context;
    private final Consumer<MediaMessage> out;
    private final MediaTimeline timeline = new MediaTimeline();
    private final Set<TsCodec> warned = EnumSet.noneOf(TsCodec.class);
    private int videoPid = -1;
    private int audioPid = -1;
    private long lastVideoMs;
    private long lastAudioMs;

    private byte[] vps;
    private byte[] sps;
    private byte[] pps;
    private byte[] sentConfig;
    private boolean parameterSetsChanged;
    private AudioSpecificConfig sentAsc;

    private long skippedUnits;
    private long framesBeforeConfig;
    private long malformedUnits;

    /**
     * @param context names the stream in log lines (for example its stream key and the peer address)
     * @param out     receives each message, on the calling thread
     */
    public TsToFlv(String context, Consumer<MediaMessage> out) {
        this.context = Objects.requireNonNull(context);
        this.out = Objects.requireNonNull(out);
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        if (!unit.hasTimestamp()) {
            malformedUnits++;
            return;
        }
        TsCodec codec = unit.codec();
        if (codec == TsCodec.OPUS || codec == TsCodec.AC3 || codec == TsCodec.EAC3) {
            skippedUnits++;
            if (warned.add(codec)) {
                log.warn("{}: {} audio on PID {} has no FLV form yet; it is not passed on", context, codec,
                        unit.pid());
            }
            return;
        }
        if (codec.isVideo()) {
            if (videoPid < 0) {
                videoPid = unit.pid();
            }
            if (unit.pid() != videoPid) {
                skippedUnits++;
                return;
            }
        } else if (codec.isAudio()) {
            if (audioPid < 0) {
                audioPid = unit.pid();
            }
            if (unit.pid() != audioPid) {
                skippedUnits++;
                return;
            }
        }
        try {
            switch (codec) {
                case H264 -> h264(unit);
                case H265 -> h265(unit);
                case AAC_ADTS -> aac(unit);
                case MPEG_AUDIO -> mpegAudio(unit);
                default -> skippedUnits++;
            }
        } catch (EsFormatException e) {
            malformedUnits++;
            log.debug("{}: dropped a {} access unit: {}", context, codec, e.getMessage());
        }
    }

    /** Access units not converted (unsupported codecs, second streams). */
    public long skippedUnits() {
        return skippedUnits;
    }

    /** Video frames dropped because no parameter sets had been seen yet. */
    public long framesBeforeConfig() {
        return framesBeforeConfig;
    }

    /** Access units dropped because their contents were broken. */
    public long malformedUnits() {
        return malformedUnits;
    }

    /** Times a timestamp discontinuity was smoothed over. */
    public long rebases() {
        return timeline.rebases();
    }

    private void h264(AccessUnit unit) throws EsFormatException {
        List<byte[]> nals = AnnexB.split(unit.data());
        ByteArrayOutputStream frame = new ByteArrayOutputStream(unit.data().length + 16);
        boolean key = false;
        for (byte[] nal : nals) {
            switch (AvcSps.nalType(nal)) {
                case AvcSps.NAL_AUD, 12 -> { } // delimiters and filler data: FLV frames are already delimited
                case AvcSps.NAL_SPS -> sps = changed(sps, nal);
                case AvcSps.NAL_PPS -> pps = changed(pps, nal);
                case AvcSps.NAL_IDR -> {
                    key = true;
                    AnnexB.writeLengthPrefixed(frame, nal);
                }
                default -> AnnexB.writeLengthPrefixed(frame, nal); // slices, SEI, end of sequence, ...
            }
        }
        long dts = videoMillis(unit.dts());
        if (parameterSetsChanged && sps != null && pps != null) {
            parameterSetsChanged = false;
            byte[] record = AvcConfigRecord.build(sps, pps);
            if (!Arrays.equals(record, sentConfig)) {
                sentConfig = record;
                out.accept(new MediaMessage(MediaMessage.Kind.VIDEO, dts, FlvBodies.avcSequenceHeader(record)));
            }
        }
        if (frame.size() == 0) {
            return;
        }
        if (sentConfig == null) {
            framesBeforeConfig++;
            return;
        }
        out.accept(new MediaMessage(MediaMessage.Kind.VIDEO, dts,
                FlvBodies.avcFrame(key, compositionMs(unit), frame.toByteArray())));
    }

    private void h265(AccessUnit unit) throws EsFormatException {
        List<byte[]> nals = AnnexB.split(unit.data());
        ByteArrayOutputStream frame = new ByteArrayOutputStream(unit.data().length + 16);
        boolean key = false;
        for (byte[] nal : nals) {
            int type = HevcSps.nalType(nal);
            switch (type) {
                case HevcSps.NAL_AUD, 38 -> { } // access unit delimiter, filler data
                case HevcSps.NAL_VPS -> vps = changed(vps, nal);
                case HevcSps.NAL_SPS -> sps = changed(sps, nal);
                case HevcSps.NAL_PPS -> pps = changed(pps, nal);
                default -> {
                    key |= HevcSps.isRandomAccess(type);
                    AnnexB.writeLengthPrefixed(frame, nal);
                }
            }
        }
        long dts = videoMillis(unit.dts());
        if (parameterSetsChanged && vps != null && sps != null && pps != null) {
            parameterSetsChanged = false;
            byte[] record = HevcConfigRecord.build(vps, sps, pps);
            if (!Arrays.equals(record, sentConfig)) {
                sentConfig = record;
                out.accept(new MediaMessage(MediaMessage.Kind.VIDEO, dts, FlvBodies.hevcSequenceStart(record)));
            }
        }
        if (frame.size() == 0) {
            return;
        }
        if (sentConfig == null) {
            framesBeforeConfig++;
            return;
        }
        out.accept(new MediaMessage(MediaMessage.Kind.VIDEO, dts,
                FlvBodies.hevcFrame(key, compositionMs(unit), frame.toByteArray())));
    }

    private void aac(AccessUnit unit) throws EsFormatException {
        byte[] data = unit.data();
        int p = 0;
        int index = 0;
        while (p < data.length) {
            AdtsHeader h = AdtsHeader.parse(data, p, data.length - p);
            if (p + h.frameLength() > data.length) {
                throw new EsFormatException("ADTS frame of " + h.frameLength() + " bytes runs past its PES");
            }
            int rate = h.config().sampleRate();
            long t90 = unit.pts() + (long) index * 1024 * 90_000 / rate;
            long ms = audioMillis(t90);
            if (!h.config().equals(sentAsc)) {
                sentAsc = h.config();
                out.accept(new MediaMessage(MediaMessage.Kind.AUDIO, ms,
                        FlvBodies.aacSequenceHeader(h.config().encode())));
            }
            out.accept(new MediaMessage(MediaMessage.Kind.AUDIO, ms,
                    FlvBodies.aacFrame(data, p + h.headerLength(), h.payloadLength())));
            p += h.frameLength();
            index++;
        }
    }

    private void mpegAudio(AccessUnit unit) throws EsFormatException {
        byte[] data = unit.data();
        MpegAudioHeader h = MpegAudioHeader.parse(data, 0, data.length);
        long ms = audioMillis(unit.pts());
        out.accept(new MediaMessage(MediaMessage.Kind.AUDIO, ms,
                FlvBodies.mp3Frame(h.sampleRate(), h.channels(), data, 0, data.length)));
    }

    private byte[] changed(byte[] old, byte[] now) {
        if (!Arrays.equals(old, now)) {
            parameterSetsChanged = true;
        }
        return now;
    }

    private long videoMillis(long dts90) {
        long ms = Math.max(lastVideoMs, Math.max(0, timeline.toMillis(dts90)));
        lastVideoMs = ms;
        return ms;
    }

    private long audioMillis(long t90) {
        long ms = Math.max(lastAudioMs, Math.max(0, timeline.toMillis(t90)));
        lastAudioMs = ms;
        return ms;
    }

    private static int compositionMs(AccessUnit unit) {
        long cts = Math.floorDiv(unit.pts() - unit.dts(), 90);
        return (int) Math.max(-(1 << 23), Math.min((1 << 23) - 1, cts));
    }
}

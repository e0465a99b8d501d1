package dev.weir.engine.media.convert;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.aac.AdtsHeader;
import dev.weir.engine.media.aac.AudioSpecificConfig;
import dev.weir.engine.media.mp3.MpegAudioHeader;
import dev.weir.engine.media.ts.AccessUnit;
import dev.weir.engine.media.ts.TsCodec;
import dev.weir.engine.media.ts.TsDemuxer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
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

    private AnnexBToFlv videoConverter;
    private AudioSpecificConfig sentAsc;

    private long skippedUnits;
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
                case H264 -> video(unit, VideoSyntax.H264);
                case H265 -> video(unit, VideoSyntax.H265);
                case AAC_ADTS -> aac(unit);
                case MPEG_AUDIO -> mpegAudio(unit);
                default -> skippedUnits++;
            }
        } catch (MalformedMediaException e) {
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
        return videoConverter == null ? 0 : videoConverter.framesBeforeConfig();
    }

    /** Access units dropped because their contents were broken. */
    public long malformedUnits() {
        return malformedUnits;
    }

    /** Times a timestamp discontinuity was smoothed over. */
    public long rebases() {
        return timeline.rebases();
    }

    private void video(AccessUnit unit, VideoSyntax syntax) throws MalformedMediaException {
        if (videoConverter == null || videoConverter.syntax() != syntax) {
            videoConverter = new AnnexBToFlv(syntax); // first stream, or the PMT retyped it
        }
        long dts = videoMillis(unit.dts());
        videoConverter.convert(unit.data(), compositionMs(unit),
                body -> out.accept(new MediaMessage(MediaMessage.Kind.VIDEO, dts, body)));
    }

    private void aac(AccessUnit unit) throws MalformedMediaException {
        byte[] data = unit.data();
        int p = 0;
        int index = 0;
        while (p < data.length) {
            AdtsHeader h = AdtsHeader.parse(data, p, data.length - p);
            if (p + h.frameLength() > data.length) {
                throw new MalformedMediaException("ADTS frame of " + h.frameLength() + " bytes runs past its PES");
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

    private void mpegAudio(AccessUnit unit) throws MalformedMediaException {
        byte[] data = unit.data();
        MpegAudioHeader h = MpegAudioHeader.parse(data, 0, data.length);
        long ms = audioMillis(unit.pts());
        out.accept(new MediaMessage(MediaMessage.Kind.AUDIO, ms,
                FlvBodies.mp3Frame(h.sampleRate(), h.channels(), data, 0, data.length)));
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

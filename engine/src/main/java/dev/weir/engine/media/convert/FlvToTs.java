package dev.weir.engine.media.convert;

import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.aac.AdtsHeader;
import dev.weir.engine.media.aac.AudioSpecificConfig;
import dev.weir.engine.media.avc.AvcDecoderConfigurationRecord;
import dev.weir.engine.media.avc.AvcNal;
import dev.weir.engine.media.hevc.HevcDecoderConfigurationRecord;
import dev.weir.engine.media.hevc.HevcNal;
import dev.weir.engine.media.mp3.MpegAudioHeader;
import dev.weir.engine.media.nal.AnnexB;
import dev.weir.engine.media.ts.ProgramMap;
import dev.weir.engine.media.ts.TsMuxer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns hub messages (RTMP/FLV form) into an MPEG-TS for SRT players: H.264 from AVC tags, H.265 from Enhanced
 * RTMP {@code hvc1} tags or the legacy codec id 12 some encoders use, AAC (ADTS headers added) and MP3. Each
 * video frame becomes Annex B with an access unit delimiter first and, before each keyframe, the parameter sets
 * from the last sequence header. The program's streams follow the sequence headers seen so far; frames of a
 * codec whose sequence header has not arrived are dropped. Script data is not carried.
 *
 * <p>Times: a message at {@code t} ms gets DTS {@code t × 90 + }{@link #TIME_OFFSET_90K}. Not thread-safe.
 */
public final class FlvToTs {
    private static final Logger log = LoggerFactory.getLogger(FlvToTs.class);

    /** 1.4 s, like ffmpeg: leaves room for the PCR to run {@link TsMuxer#PCR_LEAD} behind the first DTS. */
    public static final long TIME_OFFSET_90K = 126_000;

    private static final byte[] H264_AUD = {0x09, (byte) 0xF0};
    private static final byte[] H265_AUD = {0x46, 0x01, 0x50};

    private enum Video { H264, H265 }

    private final String context;
    private final TsMuxer muxer;
    private final Set<String> warned = new HashSet<>();

    private Video videoCodec;
    private TsMuxer.Track videoTrack;
    private int nalLengthSize = 4;
    private List<byte[]> parameterSets = List.of();

    private TsMuxer.Track audioTrack;
    private AudioSpecificConfig asc;

    private long droppedMessages;

    public FlvToTs(String context, TsMuxer.PacketSink sink) {
        this.context = Objects.requireNonNull(context);
        this.muxer = new TsMuxer(sink);
    }

    public void accept(MediaMessage message) {
        FlvPayload payload = FlvPayload.of(message);
        long t90 = message.timestamp() * 90 + TIME_OFFSET_90K;
        try {
            switch (payload) {
                case FlvPayload.VideoConfig c -> configure(c);
                case FlvPayload.VideoFrame f -> frame(f, t90);
                case FlvPayload.AacConfig c -> {
                    AudioSpecificConfig config = AudioSpecificConfig.parse(c.body(), c.offset(), c.body().length - c.offset());
                    if (!AdtsHeader.canCarry(config)) {
                        throw new MalformedMediaException("ADTS cannot say AAC object type " + config.objectType() + " at "
                                + config.coreSampleRate() + " Hz, channel configuration " + config.channelConfiguration());
                    }
                    asc = config;
                    setAudio(ProgramMap.TYPE_AAC_ADTS);
                }
                case FlvPayload.AacFrame f -> aac(f, t90);
                case FlvPayload.Mp3Frame f -> mp3(f, t90);
                case FlvPayload.Other o -> other(o);
            }
        } catch (MalformedMediaException e) {
            droppedMessages++;
            log.debug("{}: dropped a {} message: {}", context, message.kind(), e.getMessage());
        }
    }

    /** Messages that could not be carried (no sequence header yet, unsupported codec, broken body). */
    public long droppedMessages() {
        return droppedMessages;
    }

    private void configure(FlvPayload.VideoConfig c) throws MalformedMediaException {
        Video codec = switch (c.codec()) {
            case H264 -> Video.H264;
            case H265 -> Video.H265;
            default -> null;
        };
        if (codec == null) {
            unsupported(c.codec() + " video");
            return;
        }
        if (codec == Video.H264) {
            AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.parse(c.body(), c.offset(), c.length());
            List<byte[]> units = new ArrayList<>(record.sequenceParameterSets());
            units.addAll(record.pictureParameterSets());
            nalLengthSize = record.nalLengthSize();
            parameterSets = units;
        } else {
            HevcDecoderConfigurationRecord record = HevcDecoderConfigurationRecord.parse(c.body(), c.offset(), c.length());
            nalLengthSize = record.nalLengthSize();
            parameterSets = record.nalUnits();
        }
        videoCodec = codec;
        videoTrack = TsMuxer.Track.video(codec == Video.H264 ? ProgramMap.TYPE_H264 : ProgramMap.TYPE_H265);
        muxer.setTracks(videoTrack, audioTrack);
    }

    private void frame(FlvPayload.VideoFrame f, long dts) throws MalformedMediaException {
        Video codec = switch (f.codec()) {
            case H264 -> Video.H264;
            case H265 -> Video.H265;
            default -> null;
        };
        if (codec == null) {
            unsupported(f.codec() + " video");
            return;
        }
        if (videoCodec != codec || videoTrack == null) {
            droppedMessages++;
            return;
        }
        byte[] b = f.body();
        List<byte[]> nals = AnnexB.splitLengthPrefixed(b, f.offset(), f.length(), nalLengthSize);
        ByteArrayOutputStream es = new ByteArrayOutputStream(b.length + 64);
        AnnexB.writeUnit(es, codec == Video.H264 ? H264_AUD : H265_AUD);
        boolean inlineParameterSets = false;
        for (byte[] nal : nals) {
            int type = nalType(codec, nal);
            inlineParameterSets |= codec == Video.H264 ? type == AvcNal.SPS : type == HevcNal.SPS;
        }
        if (f.key() && !inlineParameterSets) {
            for (byte[] ps : parameterSets) {
                AnnexB.writeUnit(es, ps);
            }
        }
        for (byte[] nal : nals) {
            if (nalType(codec, nal) != (codec == Video.H264 ? AvcNal.AUD : HevcNal.AUD)) {
                AnnexB.writeUnit(es, nal);
            }
        }
        byte[] data = es.toByteArray();
        muxer.writeAccessUnit(videoTrack, dts + f.compositionTimeMs() * 90L, dts, data, 0, data.length, f.key());
    }

    private void aac(FlvPayload.AacFrame f, long pts) {
        if (asc == null || audioTrack == null || audioTrack.streamType() != ProgramMap.TYPE_AAC_ADTS) {
            droppedMessages++;
            return;
        }
        int raw = f.length();
        byte[] frame = new byte[7 + raw];
        System.arraycopy(AdtsHeader.encode(asc, raw), 0, frame, 0, 7);
        System.arraycopy(f.body(), f.offset(), frame, 7, raw);
        muxer.writeAccessUnit(audioTrack, pts, pts, frame, 0, frame.length, false);
    }

    private void mp3(FlvPayload.Mp3Frame f, long pts) throws MalformedMediaException {
        byte[] b = f.body();
        MpegAudioHeader h = MpegAudioHeader.parse(b, f.offset(), b.length - f.offset());
        setAudio(h.sampleRate() >= 32000 ? ProgramMap.TYPE_MPEG1_AUDIO : ProgramMap.TYPE_MPEG2_AUDIO);
        muxer.writeAccessUnit(audioTrack, pts, pts, b, f.offset(), b.length - f.offset(), false);
    }

    private void other(FlvPayload.Other o) {
        switch (o.reason()) {
            case UNSUPPORTED -> unsupported(o.what());
            case MALFORMED -> droppedMessages++;
            case NOT_MEDIA -> { }
        }
    }

    private static int nalType(Video codec, byte[] nal) {
        return codec == Video.H264 ? AvcNal.type(nal) : HevcNal.type(nal);
    }

    private void setAudio(int streamType) {
        TsMuxer.Track track = TsMuxer.Track.audio(streamType);
        if (!track.equals(audioTrack)) {
            audioTrack = track;
            muxer.setTracks(videoTrack, audioTrack);
        }
    }

    private void unsupported(String what) {
        droppedMessages++;
        if (warned.add(what)) {
            log.warn("{}: {} cannot be carried in MPEG-TS by Weir; those messages are dropped", context, what);
        }
    }
}

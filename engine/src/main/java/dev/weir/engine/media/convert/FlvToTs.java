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
        byte[] body = message.body();
        if (body.length == 0) {
            return;
        }
        try {
            switch (message.kind()) {
                case VIDEO -> video(message.timestamp(), body);
                case AUDIO -> audio(message.timestamp(), body);
                case DATA -> { }
            }
        } catch (EsFormatException e) {
            droppedMessages++;
            log.debug("{}: dropped a {} message: {}", context, message.kind(), e.getMessage());
        }
    }

    /** Messages that could not be carried (no sequence header yet, unsupported codec, broken body). */
    public long droppedMessages() {
        return droppedMessages;
    }

    private void video(long ms, byte[] b) throws EsFormatException {
        int b0 = b[0] & 0xFF;
        if ((b0 & FlvBodies.EX_HEADER) != 0) {
            enhancedVideo(ms, b);
            return;
        }
        int frameType = b0 >> 4;
        int codecId = b0 & 0x0F;
        if (frameType == 5 || (codecId != 7 && codecId != 12)) {
            unsupported("video codec id " + codecId);
            return;
        }
        if (b.length < 5) {
            throw new EsFormatException("video tag shorter than its AVC header");
        }
        Video codec = codecId == 7 ? Video.H264 : Video.H265;
        int packetType = b[1] & 0xFF;
        if (packetType == FlvBodies.AVC_SEQUENCE_HEADER) {
            configure(codec, b, 5);
        } else if (packetType == FlvBodies.AVC_NALU) {
            frame(codec, ms, FlvBodies.readSi24(b, 2), frameType == 1, b, 5);
        }
    }

    private void enhancedVideo(long ms, byte[] b) throws EsFormatException {
        if (b.length < 5) {
            throw new EsFormatException("enhanced video tag shorter than its FourCC");
        }
        int frameType = (b[0] >> 4) & 0x7;
        int packetType = b[0] & 0x0F;
        String fourCc = new String(b, 1, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!fourCc.equals("hvc1")) {
            unsupported("enhanced video " + fourCc);
            return;
        }
        if (frameType == 5) {
            return; // command frame, no picture
        }
        switch (packetType) {
            case FlvBodies.EX_SEQUENCE_START -> configure(Video.H265, b, 5);
            case FlvBodies.EX_CODED_FRAMES -> {
                if (b.length < 8) {
                    throw new EsFormatException("CodedFrames tag shorter than its composition time");
                }
                frame(Video.H265, ms, FlvBodies.readSi24(b, 5), frameType == 1, b, 8);
            }
            case FlvBodies.EX_CODED_FRAMES_X -> frame(Video.H265, ms, 0, frameType == 1, b, 5);
            default -> { } // SequenceEnd, Metadata, multitrack: nothing for TS
        }
    }

    private void configure(Video codec, byte[] b, int offset) throws EsFormatException {
        if (codec == Video.H264) {
            AvcConfigRecord.ParameterSets sets = AvcConfigRecord.parse(b, offset, b.length - offset);
            List<byte[]> units = new ArrayList<>(sets.sps());
            units.addAll(sets.pps());
            nalLengthSize = sets.lengthSize();
            parameterSets = units;
        } else {
            HevcConfigRecord.ParameterSets sets = HevcConfigRecord.parse(b, offset, b.length - offset);
            nalLengthSize = sets.lengthSize();
            parameterSets = sets.units();
        }
        videoCodec = codec;
        videoTrack = TsMuxer.Track.video(codec == Video.H264 ? ProgramMap.TYPE_H264 : ProgramMap.TYPE_H265);
        muxer.setTracks(videoTrack, audioTrack);
    }

    private void frame(Video codec, long ms, int cts, boolean key, byte[] b, int offset) throws EsFormatException {
        if (videoCodec != codec || videoTrack == null) {
            droppedMessages++;
            return;
        }
        List<byte[]> nals = AnnexB.splitLengthPrefixed(b, offset, b.length - offset, nalLengthSize);
        ByteArrayOutputStream es = new ByteArrayOutputStream(b.length + 64);
        AnnexB.writeUnit(es, codec == Video.H264 ? H264_AUD : H265_AUD);
        boolean inlineParameterSets = false;
        for (byte[] nal : nals) {
            int type = nalType(codec, nal);
            inlineParameterSets |= codec == Video.H264 ? type == AvcSps.NAL_SPS : type == HevcSps.NAL_SPS;
        }
        if (key && !inlineParameterSets) {
            for (byte[] ps : parameterSets) {
                AnnexB.writeUnit(es, ps);
            }
        }
        for (byte[] nal : nals) {
            int type = nalType(codec, nal);
            if (type == (codec == Video.H264 ? AvcSps.NAL_AUD : HevcSps.NAL_AUD)) {
                continue;
            }
            AnnexB.writeUnit(es, nal);
        }
        long dts = ms * 90 + TIME_OFFSET_90K;
        byte[] data = es.toByteArray();
        muxer.writeAccessUnit(videoTrack, dts + cts * 90L, dts, data, 0, data.length, key);
    }

    private static int nalType(Video codec, byte[] nal) {
        return codec == Video.H264 ? AvcSps.nalType(nal) : HevcSps.nalType(nal);
    }

    private void audio(long ms, byte[] b) throws EsFormatException {
        int format = (b[0] & 0xFF) >> 4;
        long pts = ms * 90 + TIME_OFFSET_90K;
        if (format == 10) {
            if (b.length < 2) {
                throw new EsFormatException("AAC tag without packet type");
            }
            if (b[1] == FlvBodies.AAC_SEQUENCE_HEADER) {
                asc = AudioSpecificConfig.parse(b, 2, b.length - 2);
                setAudio(ProgramMap.TYPE_AAC_ADTS);
                return;
            }
            if (asc == null || audioTrack == null || audioTrack.streamType() != ProgramMap.TYPE_AAC_ADTS) {
                droppedMessages++;
                return;
            }
            int raw = b.length - 2;
            byte[] frame = new byte[7 + raw];
            System.arraycopy(AdtsHeader.encode(asc, raw), 0, frame, 0, 7);
            System.arraycopy(b, 2, frame, 7, raw);
            muxer.writeAccessUnit(audioTrack, pts, pts, frame, 0, frame.length, false);
        } else if (format == 2) {
            MpegAudioHeader h = MpegAudioHeader.parse(b, 1, b.length - 1);
            setAudio(h.sampleRate() >= 32000 ? ProgramMap.TYPE_MPEG1_AUDIO : ProgramMap.TYPE_MPEG2_AUDIO);
            muxer.writeAccessUnit(audioTrack, pts, pts, b, 1, b.length - 1, false);
        } else {
            unsupported("sound format " + format);
        }
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

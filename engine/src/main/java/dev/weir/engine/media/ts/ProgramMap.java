package dev.weir.engine.media.ts;

import java.util.ArrayList;
import java.util.List;

/**
 * The program map table (PMT, table_id 2): the program's PCR PID and its elementary streams.
 *
 * @param programNumber the program this map describes
 * @param version       5-bit version_number; a change means streams were added, removed or retyped
 * @param pcrPid        PID whose adaptation fields carry the program clock
 * @param streams       elementary streams in table order
 */
public record ProgramMap(int programNumber, int version, int pcrPid, List<ElementaryStream> streams) {

    /** ISO/IEC 13818-1 stream_type values Weir knows. */
    public static final int TYPE_MPEG1_AUDIO = 0x03;
    public static final int TYPE_MPEG2_AUDIO = 0x04;
    public static final int TYPE_PRIVATE_PES = 0x06;
    public static final int TYPE_AAC_ADTS = 0x0F;
    public static final int TYPE_H264 = 0x1B;
    public static final int TYPE_H265 = 0x24;
    public static final int TYPE_AC3 = 0x81;
    public static final int TYPE_EAC3 = 0x87;

    /** Descriptor tags that identify codecs carried as private PES (stream_type 0x06). */
    static final int TAG_REGISTRATION = 0x05;
    static final int TAG_DVB_AC3 = 0x6A;
    static final int TAG_DVB_EAC3 = 0x7A;

    /**
     * @param streamType the PMT stream_type byte
     * @param pid        the PID its PES packets travel on
     * @param codec      what Weir makes of it (stream type plus descriptors)
     */
    public record ElementaryStream(int streamType, int pid, TsCodec codec) {
    }

    public ProgramMap {
        streams = List.copyOf(streams);
    }

    /** Parses a complete, CRC-checked section. */
    public static ProgramMap parse(byte[] s) throws TsFormatException {
        if ((s[0] & 0xFF) != 0x02) {
            throw new TsFormatException("PMT section has table_id " + (s[0] & 0xFF) + ", expected 2");
        }
        int total = 3 + (((s[1] & 0x0F) << 8) | (s[2] & 0xFF));
        int end = total - 4;
        if (end < 12) {
            throw new TsFormatException("PMT section of " + total + " bytes is too short");
        }
        int program = ((s[3] & 0xFF) << 8) | (s[4] & 0xFF);
        int version = (s[5] >> 1) & 0x1F;
        int pcrPid = ((s[8] & 0x1F) << 8) | (s[9] & 0xFF);
        int programInfoLength = ((s[10] & 0x0F) << 8) | (s[11] & 0xFF);
        int p = 12 + programInfoLength;
        if (p > end) {
            throw new TsFormatException("PMT program_info_length " + programInfoLength + " overruns the section");
        }
        List<ElementaryStream> streams = new ArrayList<>();
        while (p + 5 <= end) {
            int type = s[p] & 0xFF;
            int pid = ((s[p + 1] & 0x1F) << 8) | (s[p + 2] & 0xFF);
            int infoLength = ((s[p + 3] & 0x0F) << 8) | (s[p + 4] & 0xFF);
            int descStart = p + 5;
            int descEnd = descStart + infoLength;
            if (descEnd > end) {
                throw new TsFormatException("PMT ES_info_length " + infoLength + " overruns the section");
            }
            streams.add(new ElementaryStream(type, pid, classify(type, s, descStart, descEnd)));
            p = descEnd;
        }
        return new ProgramMap(program, version, pcrPid, streams);
    }

    static TsCodec classify(int streamType, byte[] s, int descStart, int descEnd) {
        switch (streamType) {
            case TYPE_H264: return TsCodec.H264;
            case TYPE_H265: return TsCodec.H265;
            case TYPE_AAC_ADTS: return TsCodec.AAC_ADTS;
            case TYPE_MPEG1_AUDIO, TYPE_MPEG2_AUDIO: return TsCodec.MPEG_AUDIO;
            case TYPE_AC3: return TsCodec.AC3;
            case TYPE_EAC3: return TsCodec.EAC3;
            case TYPE_PRIVATE_PES: return classifyPrivate(s, descStart, descEnd);
            default: return TsCodec.OTHER;
        }
    }

    private static TsCodec classifyPrivate(byte[] s, int p, int end) {
        while (p + 2 <= end) {
            int tag = s[p] & 0xFF;
            int len = s[p + 1] & 0xFF;
            if (p + 2 + len > end) {
                break;
            }
            if (tag == TAG_DVB_AC3) {
                return TsCodec.AC3;
            }
            if (tag == TAG_DVB_EAC3) {
                return TsCodec.EAC3;
            }
            if (tag == TAG_REGISTRATION && len >= 4) {
                String id = new String(s, p + 2, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                switch (id) {
                    case "Opus": return TsCodec.OPUS;
                    case "AC-3": return TsCodec.AC3;
                    case "EAC3": return TsCodec.EAC3;
                    case "HEVC": return TsCodec.H265;
                    default: break;
                }
            }
            p += 2 + len;
        }
        return TsCodec.OTHER;
    }
}

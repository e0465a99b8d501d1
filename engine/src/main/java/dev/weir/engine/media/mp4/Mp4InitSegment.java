package dev.weir.engine.media.mp4;

import java.util.List;

/**
 * Builds the {@code ftyp} and {@code moov} of a fragmented MP4: empty sample tables, an {@code mvex} with one
 * {@code trex} per track, and the codec configuration in each track's sample entry.
 */
public final class Mp4InitSegment {
    private static final int[] UNITY_MATRIX = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};

    private Mp4InitSegment() {
    }

    public static byte[] build(List<Mp4Track> tracks) {
        BoxWriter w = new BoxWriter();
        w.begin("ftyp").fourCc("iso6").u32(0).fourCc("iso6").fourCc("isom").fourCc("iso5").fourCc("mp41").end();
        w.begin("moov");
        w.beginFull("mvhd", 0, 0).u32(0).u32(0).u32(1000).u32(0).u32(0x00010000).u16(0x0100).zeros(10);
        matrix(w);
        w.zeros(24).u32(tracks.size() + 1L).end();
        for (Mp4Track t : tracks) {
            trak(w, t);
        }
        w.begin("mvex");
        for (Mp4Track t : tracks) {
            w.beginFull("trex", 0, 0).u32(t.id()).u32(1).u32(0).u32(0).u32(0).end();
        }
        w.end();
        w.end();
        return w.toByteArray();
    }

    private static void trak(BoxWriter w, Mp4Track t) {
        boolean video = t.kind() == Mp4Track.Kind.VIDEO;
        w.begin("trak");
        w.beginFull("tkhd", 0, 0x3).u32(0).u32(0).u32(t.id()).u32(0).u32(0).zeros(8).u16(0).u16(0)
                .u16(video ? 0 : 0x0100).u16(0);
        matrix(w);
        w.u32((long) t.width() << 16).u32((long) t.height() << 16).end();
        w.begin("mdia");
        w.beginFull("mdhd", 0, 0).u32(0).u32(0).u32(t.timescale()).u32(0).u16(0x55C4).u16(0).end(); // 'und'
        w.beginFull("hdlr", 0, 0).u32(0).fourCc(video ? "vide" : "soun").zeros(12)
                .bytes((video ? "VideoHandler" : "SoundHandler").getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .u8(0).end();
        w.begin("minf");
        if (video) {
            w.beginFull("vmhd", 0, 1).zeros(8).end();
        } else {
            w.beginFull("smhd", 0, 0).zeros(4).end();
        }
        w.begin("dinf").beginFull("dref", 0, 0).u32(1).beginFull("url ", 0, 1).end().end().end();
        w.begin("stbl");
        w.beginFull("stsd", 0, 0).u32(1);
        if (video) {
            videoEntry(w, t);
        } else {
            audioEntry(w, t);
        }
        w.end();
        w.beginFull("stts", 0, 0).u32(0).end();
        w.beginFull("stsc", 0, 0).u32(0).end();
        w.beginFull("stsz", 0, 0).u32(0).u32(0).end();
        w.beginFull("stco", 0, 0).u32(0).end();
        w.end(); // stbl
        w.end(); // minf
        w.end(); // mdia
        w.end(); // trak
    }

    private static void videoEntry(BoxWriter w, Mp4Track t) {
        w.begin(t.sampleEntry()).zeros(6).u16(1); // reserved, data_reference_index
        w.u16(0).u16(0).zeros(12).u16(t.width()).u16(t.height()).u32(0x00480000).u32(0x00480000).u32(0).u16(1);
        w.zeros(32).u16(0x0018).u16(0xFFFF);
        if (t.configBox().equals("vpcC")) {
            w.beginFull("vpcC", 1, 0).bytes(t.config()).end();
        } else {
            w.begin(t.configBox()).bytes(t.config()).end();
        }
        w.end();
    }

    private static void audioEntry(BoxWriter w, Mp4Track t) {
        w.begin("mp4a").zeros(6).u16(1).zeros(8).u16(t.channels()).u16(16).u16(0).u16(0)
                .u32(t.sampleRate() < 65536 ? (long) t.sampleRate() << 16 : 0);
        byte[] asc = t.config();
        w.beginFull("esds", 0, 0);
        w.u8(0x03).u8(3 + 2 + 13 + 2 + asc.length + 3).u16(t.id()).u8(0);           // ES_Descriptor
        w.u8(0x04).u8(13 + 2 + asc.length).u8(0x40).u8(0x15).u24(0).u32(0).u32(0); // DecoderConfig: AAC, audio
        w.u8(0x05).u8(asc.length).bytes(asc);                                     // DecoderSpecificInfo
        w.u8(0x06).u8(1).u8(0x02);                                                 // SLConfig: predefined MP4
        w.end();
        w.end();
    }

    private static void matrix(BoxWriter w) {
        for (int v : UNITY_MATRIX) {
            w.u32(v & 0xFFFFFFFFL);
        }
    }
}

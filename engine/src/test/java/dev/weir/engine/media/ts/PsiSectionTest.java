package dev.weir.engine.media.ts;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sections that span packets, share a packet, or are damaged. */
class PsiSectionTest {

    /** A PMT for program 1 with two streams, each with {@code descriptorBytes} of unknown descriptors. */
    static byte[] pmt(int version, int descriptorBytes) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(new byte[]{0x02, 0, 0, 0, 1, (byte) (0xC1 | version << 1), 0, 0, (byte) 0xE1, 0x00, (byte) 0xF0, 0});
        for (int pid : new int[]{0x100, 0x101}) {
            s.write(pid == 0x100 ? 0x1B : 0x0F);
            s.write(0xE0 | pid >> 8);
            s.write(pid);
            s.write(0xF0 | descriptorBytes >> 8);
            s.write(descriptorBytes);
            for (int left = descriptorBytes; left > 0; ) {
                int n = Math.min(left - 2, 255);
                s.write(0x99); // a user-private descriptor tag
                s.write(n);
                s.writeBytes(new byte[n]);
                left -= 2 + n;
            }
        }
        s.writeBytes(new byte[4]);
        byte[] section = s.toByteArray();
        int length = section.length - 3;
        section[1] = (byte) (0xB0 | length >> 8);
        section[2] = (byte) length;
        int crc = Crc32Mpeg.compute(section, 0, section.length - 4);
        for (int i = 0; i < 4; i++) {
            section[section.length - 4 + i] = (byte) (crc >> (24 - 8 * i));
        }
        return section;
    }

    static byte[] packet(int pid, boolean pusi, int cc, byte[] payload) {
        byte[] p = new byte[188];
        Arrays.fill(p, (byte) 0xFF);
        p[0] = 0x47;
        p[1] = (byte) ((pusi ? 0x40 : 0) | pid >> 8);
        p[2] = (byte) pid;
        p[3] = (byte) (0x10 | cc);
        System.arraycopy(payload, 0, p, 4, Math.min(184, payload.length));
        return p;
    }

    @Test
    void sectionSpanningTwoPacketsThenANewSectionAfterThePointerField() {
        byte[] first = pmt(0, 130);  // 283 bytes: does not fit one packet
        byte[] second = pmt(1, 20);
        ByteArrayOutputStream ts = new ByteArrayOutputStream();
        ts.writeBytes(TsGoldenTest.PAT);
        // packet 1: pointer 0, the first 183 bytes of the first section
        byte[] p1 = new byte[184];
        System.arraycopy(first, 0, p1, 1, 183);
        ts.writeBytes(packet(0x1000, true, 0, p1));
        // packet 2: a new section starts here, so pointer_field = bytes of the old section still to come
        int rest = first.length - 183;
        byte[] p2 = new byte[1 + rest + second.length];
        p2[0] = (byte) rest;
        System.arraycopy(first, 183, p2, 1, rest);
        System.arraycopy(second, 0, p2, 1 + rest, second.length);
        ts.writeBytes(packet(0x1000, true, 1, p2));

        List<ProgramMap> maps = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onAccessUnit(AccessUnit unit) {
            }

            @Override
            public void onProgramMap(ProgramMap map) {
                maps.add(map);
            }
        });
        demuxer.feed(ts.toByteArray());
        assertEquals(List.of(0, 1), maps.stream().map(ProgramMap::version).toList());
        assertEquals(0, demuxer.counters().badSections());
    }

    @Test
    void damagedSectionIsCountedAndIgnored() {
        byte[] section = pmt(0, 10);
        section[12] ^= 0x01; // flips a stream type bit: CRC no longer matches
        byte[] payload = new byte[1 + section.length];
        System.arraycopy(section, 0, payload, 1, section.length);
        TsDemuxer demuxer = new TsDemuxer(unit -> { });
        demuxer.feed(TsGoldenTest.PAT);
        demuxer.feed(packet(0x1000, true, 0, payload));
        assertEquals(1, demuxer.counters().badSections());
        assertEquals(null, demuxer.programMap());
    }
}

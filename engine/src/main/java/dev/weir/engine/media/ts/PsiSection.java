package dev.weir.engine.media.ts;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reassembles PSI sections (PAT, PMT) on one PID from transport packet payloads. A section may start anywhere
 * after the pointer field of a PUSI packet, span several packets, and be followed by further sections or by
 * 0xFF stuffing. Complete sections whose CRC-32 checks out are handed on; bad ones are counted and dropped.
 */
final class PsiSection {
    /** PAT and PMT sections are at most 1024 bytes (section_length ≤ 1021). */
    static final int MAX_SECTION = 1024;
    /** Header (8) + CRC (4): nothing shorter is a long-form section. */
    private static final int MIN_SECTION = 12;

    private final byte[] section = new byte[MAX_SECTION];
    private int have;
    private boolean collecting;
    private long badSections;

    /** Feeds one packet's payload; calls {@code onSection} with each complete, CRC-valid section. */
    void feed(byte[] buf, int offset, int length, boolean unitStart, Consumer<byte[]> onSection) {
        int end = offset + length;
        if (!unitStart) {
            if (collecting) {
                fill(buf, offset, end, onSection);
            }
            return;
        }
        if (length < 1) {
            return;
        }
        int pointer = buf[offset] & 0xFF;
        int sectionStart = offset + 1 + pointer;
        if (collecting) {
            fill(buf, offset + 1, Math.min(end, sectionStart), onSection);
        }
        if (collecting) {
            badSections++; // the previous section did not finish before the new one began
        }
        collecting = false;
        have = 0;
        int pos = sectionStart;
        while (pos < end && (buf[pos] & 0xFF) != 0xFF) {
            collecting = true;
            have = 0;
            pos = fill(buf, pos, end, onSection);
            if (collecting) {
                break;
            }
        }
    }

    long badSections() {
        return badSections;
    }

    /** Copies bytes until the section completes or the input ends; returns the position after the bytes used. */
    private int fill(byte[] buf, int pos, int end, Consumer<byte[]> onSection) {
        while (pos < end) {
            int need = (have < 3 ? 3 : total()) - have;
            int take = Math.min(need, end - pos);
            System.arraycopy(buf, pos, section, have, take);
            have += take;
            pos += take;
            if (have < 3) {
                continue;
            }
            int total = total();
            if (total > MAX_SECTION || total < MIN_SECTION) {
                collecting = false;
                have = 0;
                badSections++;
                return end;
            }
            if (have == total) {
                collecting = false;
                have = 0;
                if (Crc32Mpeg.compute(section, 0, total) == 0) {
                    onSection.accept(Arrays.copyOf(section, total));
                } else {
                    badSections++;
                }
                return pos;
            }
        }
        return pos;
    }

    private int total() {
        return 3 + (((section[1] & 0x0F) << 8) | (section[2] & 0xFF));
    }
}

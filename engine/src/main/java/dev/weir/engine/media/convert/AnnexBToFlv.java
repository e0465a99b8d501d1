package dev.weir.engine.media.convert;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.nal.AnnexB;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Converts one video stream's Annex B access units to FLV video tag bodies: delimiters and filler dropped,
 * parameter sets taken out of the frame and turned into a configuration record (sent as a sequence header
 * before the first frame and again whenever a parameter set changes), every other NAL unit (slices, SEI, end of
 * sequence) kept with a 4-byte length prefix. Frames before the first complete set of parameter sets are
 * dropped: no player could decode them.
 */
final class AnnexBToFlv {
    private final VideoSyntax syntax;
    private final byte[][] parameterSets;
    private boolean parameterSetsChanged;
    private byte[] sentRecord;
    private long framesBeforeConfig;

    AnnexBToFlv(VideoSyntax syntax) {
        this.syntax = syntax;
        this.parameterSets = new byte[syntax.parameterSets][];
    }

    /**
     * Converts one access unit; hands each resulting tag body (a sequence header and/or a frame) to {@code out}.
     *
     * @throws MalformedMediaException when the parameter sets cannot be made into a configuration record
     */
    void convert(byte[] accessUnit, int compositionTimeMs, Consumer<byte[]> out) throws MalformedMediaException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(accessUnit.length + 16);
        boolean key = false;
        for (byte[] nal : AnnexB.split(accessUnit)) {
            int type = syntax.nalType(nal);
            int slot = syntax.parameterSetSlot(type);
            if (slot >= 0) {
                if (!Arrays.equals(parameterSets[slot], nal)) {
                    parameterSets[slot] = nal;
                    parameterSetsChanged = true;
                }
            } else if (!syntax.isDelimiterOrFiller(type)) {
                key |= syntax.isKey(type);
                AnnexB.writeLengthPrefixed(frame, nal);
            }
        }
        if (parameterSetsChanged && complete()) {
            parameterSetsChanged = false;
            byte[] record = syntax.configRecord(parameterSets);
            if (!Arrays.equals(record, sentRecord)) {
                sentRecord = record;
                out.accept(syntax.sequenceHeader(record));
            }
        }
        if (frame.size() == 0) {
            return;
        }
        if (sentRecord == null) {
            framesBeforeConfig++;
            return;
        }
        out.accept(syntax.frame(key, compositionTimeMs, frame.toByteArray()));
    }

    VideoSyntax syntax() {
        return syntax;
    }

    long framesBeforeConfig() {
        return framesBeforeConfig;
    }

    private boolean complete() {
        for (byte[] set : parameterSets) {
            if (set == null) {
                return false;
            }
        }
        return true;
    }
}

package dev.weir.engine.media.mp4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Writes nested ISO BMFF boxes: {@link #begin} a box, write its fields, {@link #end} it to patch its size. */
final class BoxWriter {
    private byte[] buf = new byte[1024];
    private int size;
    private final Deque<Integer> open = new ArrayDeque<>();

    BoxWriter begin(String type) {
        open.push(size);
        u32(0);
        fourCc(type);
        return this;
    }

    /** A FullBox: box header plus version and 24-bit flags. */
    BoxWriter beginFull(String type, int version, int flags) {
        begin(type);
        u8(version);
        u24(flags);
        return this;
    }

    BoxWriter end() {
        int start = open.pop();
        putU32(start, size - start);
        return this;
    }

    BoxWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    BoxWriter u16(int v) {
        return u8(v >> 8).u8(v);
    }

    BoxWriter u24(int v) {
        return u8(v >> 16).u8(v >> 8).u8(v);
    }

    BoxWriter u32(long v) {
        return u16((int) (v >> 16)).u16((int) v);
    }

    BoxWriter u64(long v) {
        return u32(v >>> 32).u32(v);
    }

    BoxWriter zeros(int n) {
        ensure(n);
        size += n; // the array is zero-filled beyond size
        return this;
    }

    BoxWriter fourCc(String s) {
        return bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    BoxWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    BoxWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    int position() {
        return size;
    }

    void putU32(int at, long v) {
        buf[at] = (byte) (v >> 24);
        buf[at + 1] = (byte) (v >> 16);
        buf[at + 2] = (byte) (v >> 8);
        buf[at + 3] = (byte) v;
    }

    byte[] toByteArray() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("box " + open.size() + " levels deep is still open");
        }
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}

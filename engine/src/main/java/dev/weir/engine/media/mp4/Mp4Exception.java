package dev.weir.engine.media.mp4;

/** The stream cannot be written as MP4 (for example its sequence header is broken). */
public class Mp4Exception extends Exception {
    public Mp4Exception(String message) {
        super(message);
    }
}

package dev.weir.app;

/** Bad command-line input. The message is shown to the user as is, followed by a hint to use -help. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}

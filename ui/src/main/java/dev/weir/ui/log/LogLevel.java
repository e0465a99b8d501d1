package dev.weir.ui.log;

/** Log levels, least severe first, so a filter is "this level and above". */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    public boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }
}

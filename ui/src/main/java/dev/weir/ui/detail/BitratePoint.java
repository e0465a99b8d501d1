package dev.weir.ui.detail;

/**
 * One point of a stream's bit rate chart.
 *
 * @param secondsSinceOpen seconds between the detail opening and the snapshot this point was read from
 * @param bitrateIn        bits per second received from the publisher
 * @param bitrateOut       bits per second sent to all players
 */
public record BitratePoint(double secondsSinceOpen, long bitrateIn, long bitrateOut) {
}

package dev.weir.engine.srt.live;

/**
 * libsrt's TSBPD drift tracer: the receiver compares, for every ACKACK, when it arrived with when the peer's clock
 * says it was sent (both on the TSBPD time line), minus half the change of RTT since the first measurement. Every
 * 1000 samples the average becomes the current drift; when that exceeds 5 ms, the excess ("overdrift") is moved
 * into the TSBPD time base and the drift is clamped to ±5 ms. Delivery times then use base + drift, so a sender
 * clock that runs slightly fast or slow does not make the receive buffer drain or fill up over hours.
 */
public final class DriftTracer {

    static final int MAX_SAMPLES = 1000;
    static final long MAX_DRIFT_MICROS = 5_000;

    private long sum;
    private int samples;
    private long drift;
    private long overdrift;

    /**
     * Adds one sample; returns true when a new average was taken, after which {@link #overdrift()} says how much the
     * time base must move.
     */
    public boolean update(long sampleMicros) {
        sum += sampleMicros;
        samples++;
        if (samples < MAX_SAMPLES) {
            return false;
        }
        overdrift = 0;
        drift = sum / samples;
        sum = 0;
        samples = 0;
        if (Math.abs(drift) > MAX_DRIFT_MICROS) {
            overdrift = drift < 0 ? drift + MAX_DRIFT_MICROS : drift - MAX_DRIFT_MICROS;
            drift = drift < 0 ? -MAX_DRIFT_MICROS : MAX_DRIFT_MICROS;
        }
        return true;
    }

    public long driftMicros() {
        return drift;
    }

    public long overdriftMicros() {
        return overdrift;
    }
}

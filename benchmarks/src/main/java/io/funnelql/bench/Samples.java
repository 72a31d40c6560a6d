package io.funnelql.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The timings of repeated runs of one measurement, in nanoseconds, and their percentiles.
 *
 * <p>Percentiles use the nearest-rank method: the {@code q} percentile of {@code n} sorted samples is the
 * sample at rank {@code ceil(q * n)} (1-based), so it is always a time that was measured, never an
 * interpolation. With an even number of samples the median is the lower of the two middle ones. Not
 * thread-safe: each client keeps its own samples, merged afterwards.
 */
final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    /** Adds one run's time. */
    void add(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a run cannot take negative time, got " + nanos + " ns");
        }
        this.nanos.add(nanos);
    }

    /** All the samples of {@code parts} together. */
    static Samples merge(Collection<Samples> parts) {
        Samples merged = new Samples();
        parts.forEach(part -> merged.nanos.addAll(part.nanos));
        return merged;
    }

    int size() {
        return nanos.size();
    }

    boolean isEmpty() {
        return nanos.isEmpty();
    }

    /**
     * The nearest-rank percentile, in nanoseconds.
     *
     * @param q the fraction of samples at or below the answer, greater than 0 and at most 1 (0.95 for p95)
     * @throws IllegalStateException when there are no samples
     */
    long percentile(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a percentile is a fraction in (0, 1], got " + q);
        }
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The nearest-rank percentile in milliseconds. */
    double millis(double q) {
        return percentile(q) / 1e6;
    }

    /** The median in seconds. */
    double medianSeconds() {
        return percentile(0.5) / 1e9;
    }
}

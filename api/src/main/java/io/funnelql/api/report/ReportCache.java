package io.funnelql.api.report;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.funnelql.api.workspace.Workspace;

/**
 * The result cache: reports by workspace, report kind, query and the warehouse's data version.
 *
 * <p>Every committed load changes the data version, so a cached answer is never stale: after a load the
 * same query is a new key. A query without {@code asOf} means "as of now", and its answer can change with
 * time alone (a period becomes complete, a future-dated entry comes due), so such keys also hold the
 * current minute. Bounded by an estimate of the answers' size in memory; hits, misses and evictions are
 * Micrometer metrics ({@code cache.gets{cache=reports}}, ...).
 */
@Component
public class ReportCache {

    private record Key(String workspace, String report, Object query, long dataVersion, long minute) {
    }

    private record Answer(Object value, int kilobytes) {
    }

    private final Cache<Key, Answer> cache;
    private final Clock clock;
    private final boolean enabled;

    @Autowired
    ReportCache(ReportCacheProperties properties, MeterRegistry registry) {
        this(properties, registry, Clock.systemUTC());
    }

    ReportCache(ReportCacheProperties properties, MeterRegistry registry, Clock clock) {
        this.enabled = properties.enabled();
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, properties.maxSizeMb()) * 1024L)
                .weigher((Key key, Answer answer) -> answer.kilobytes())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "reports");
    }

    /**
     * The cached answer to {@code query}, or the one {@code compute} gives (then cached).
     *
     * @param query the query record (equal queries are equal keys)
     * @param asOfNow true when the query has no explicit asOf, so its answer may change with the clock
     * @param refresh compute anyway (the request said {@code Cache-Control: no-cache}) and cache the new answer
     * @param values how many values an answer holds (rows x columns), for the size bound
     */
    @SuppressWarnings("unchecked")
    public <R> R get(Workspace workspace, String report, Object query, boolean asOfNow, boolean refresh, Supplier<R> compute,
                     ToLongFunction<R> values) {
        if (!enabled) {
            return compute.get();
        }
        long minute = asOfNow ? clock.millis() / 60_000 : 0;
        Key key = new Key(workspace.name(), report, query, workspace.warehouse().dataVersion(), minute);
        if (refresh) {
            R answer = compute.get();
            cache.put(key, answer(answer, values));
            return answer;
        }
        return (R) Objects.requireNonNull(cache.get(key, k -> answer(compute.get(), values))).value();
    }

    private static <R> Answer answer(R value, ToLongFunction<R> values) {
        return new Answer(value, (int) Math.min(Integer.MAX_VALUE, 1 + values.applyAsLong(value) * 48L / 1024));
    }

    /** Forgets every answer (tests, and the benchmark's uncached runs). */
    public void clear() {
        cache.invalidateAll();
    }

    /** Hits over requests since start; 1.0 with no requests (Caffeine's definition). */
    public double hitRate() {
        return cache.stats().hitRate();
    }

}

package io.funnelql.api.report;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import io.funnelql.api.workspace.Workspace;
import io.funnelql.api.workspace.Workspaces;

/**
 * The response cache: whole GraphQL answers to report queries, kept as the JSON bytes of their {@code data},
 * so that asking again skips execution and serialisation alike. A fresh answer is serialised once, and the
 * same bytes are both kept and written out.
 *
 * <p>The {@link ReportCache} under it keeps report objects; turning a large report (a month-by-source funnel
 * over three years is some 400 KB of JSON) into GraphQL fields and then into JSON costs tens of milliseconds,
 * far more than looking it up. This cache keeps the finished JSON, keyed by the workspace, the exact request
 * (document, operation name, variables), the warehouse's data version, the current minute (so "as of now"
 * answers and {@code Period.complete} move on with the clock, as in the report cache) and a counter that every
 * mutation moves on (so a saved definition or report is never answered from before it was saved).
 *
 * <p>Only what cannot go stale is kept: queries whose top-level fields are all {@linkplain #CACHEABLE reports
 * computed from the warehouse's data}, answered without errors. {@code loads} is not among them (a failed
 * load is recorded without changing the data version). A request with {@code Cache-Control: no-cache} is
 * computed afresh and its answer kept. Hits, misses and evictions are the {@code cache.*} metrics with tag
 * {@code cache=responses}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ResponseCache implements WebGraphQlInterceptor {

    /**
     * Top-level query fields whose answers depend on nothing but the request, the data, the clock and what
     * GraphQL mutations save (saved reports, KPI definitions).
     */
    static final Set<String> CACHEABLE = Set.of("funnel", "traffic", "revenue", "cost", "velocity", "sources",
            "dataQuality", "savedReports", "runSavedReport", "kpiBoard", "okr", "kpi", "kpiDefinitions");

    private record Key(String workspace, String document, @Nullable String operationName, Map<String, Object> variables,
                       long dataVersion, long generation, long minute) {
    }

    private record OperationKey(String document, @Nullable String operationName) {
    }

    private final Cache<Key, SerializedString> cache;
    /**
     * What each document asks, parsed once: a dashboard sends the same few documents over and over. Bounded by
     * the documents' length (at most about 8 MB of text).
     */
    private final Cache<OperationKey, Operation> operations = Caffeine.newBuilder()
            .maximumWeight(4L * 1024 * 1024)
            .weigher((OperationKey key, Operation operation) -> key.document().length() + 1)
            .build();
    private final Workspaces workspaces;
    private final JsonMapper mapper;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();

    @Autowired
    ResponseCache(ReportCacheProperties properties, Workspaces workspaces, JsonMapper mapper, MeterRegistry registry) {
        this(properties, workspaces, mapper, registry, Clock.systemUTC());
    }

    ResponseCache(ReportCacheProperties properties, Workspaces workspaces, JsonMapper mapper, MeterRegistry registry,
                  Clock clock) {
        this.enabled = properties.enabled();
        this.workspaces = workspaces;
        this.mapper = mapper;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, properties.responsesMaxSizeMb()) * 1024L * 1024)
                .weigher((Key key, SerializedString json) -> 2 * json.charLength() + 2 * key.document().length())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "responses");
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!enabled) {
            return chain.next(request);
        }
        Workspace workspace = workspaces.current();
        Key key = new Key(workspace.name(), request.getDocument(), request.getOperationName(), request.getVariables(),
                workspace.warehouse().dataVersion(), generation.get(), clock.millis() / 60_000);
        if (!refresh(request)) {
            SerializedString json = cache.getIfPresent(key);
            if (json != null) {
                return Mono.just(raw(request, json));
            }
        }
        Operation operation = operations.get(new OperationKey(request.getDocument(), request.getOperationName()),
                k -> Operation.of(k.document(), k.operationName(), CACHEABLE));
        return chain.next(request).map(response -> {
            if (operation == Operation.MUTATION) {
                generation.incrementAndGet();
            } else if (operation == Operation.CACHEABLE && response.isValid() && response.getErrors().isEmpty()
                    && response.getExtensions().isEmpty()) {
                // Serialised once: kept, and answered as the same bytes.
                SerializedString json = AnswerJson.of(mapper, response.getData());
                cache.put(key, json);
                return raw(request, json);
            }
            return response;
        });
    }

    /**
     * An answer whose {@code data} is JSON already: written as its UTF-8 bytes, copied rather than encoded
     * (a 400 KB answer costs about a millisecond to encode again).
     */
    private static WebGraphQlResponse raw(WebGraphQlRequest request, SerializedString json) {
        ExecutionResult result = ExecutionResult.newExecutionResult().data(new RawValue(json)).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    private static boolean refresh(WebGraphQlRequest request) {
        String header = request.getHeaders().getFirst("Cache-Control");
        return header != null && header.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /** Forgets every answer (tests). */
    public void clear() {
        cache.invalidateAll();
    }
}

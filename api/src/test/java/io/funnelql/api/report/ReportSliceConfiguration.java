package io.funnelql.api.report;

import java.time.DayOfWeek;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.funnelql.api.FunnelqlProperties;

/**
 * What a report controller's {@code @GraphQlTest} slice needs besides its fixture's {@code Workspaces}: the result
 * cache with a small bound, a meter registry for its metrics, and the default settings (UTC, weeks from Monday).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ReportCache.class)
public class ReportSliceConfiguration {

    @Bean
    ReportCacheProperties cacheProperties() {
        return new ReportCacheProperties(true, 16);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    FunnelqlProperties properties() {
        return new FunnelqlProperties(FunnelqlProperties.IN_MEMORY, false, ZoneId.of("UTC"), DayOfWeek.MONDAY, 1, 1000,
                null, null);
    }
}

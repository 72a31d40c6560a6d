package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FunnelqlPropertiesTests {

    static FunnelqlProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("funnelql", FunnelqlProperties.class);
    }

    @Test
    void defaultsToAFileInTheWorkingDirectoryUtcMondayJanuaryAndAThousandPeriods() {
        FunnelqlProperties properties = bind(Map.of());

        assertThat(properties.database()).isEqualTo("./funnelql.duckdb");
        assertThat(properties.demo()).isFalse();
        assertThat(properties.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(properties.weekStart()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(properties.fiscalYearStartMonth()).isEqualTo(1);
        assertThat(properties.maxPeriods()).isEqualTo(1000);
        assertThat(properties.memoryLimit()).isNull();
        assertThat(properties.threads()).isNull();
    }

    @Test
    void bindsEveryPropertyFromItsKebabCaseName() {
        FunnelqlProperties properties = bind(Map.of("funnelql.database", "data/acme.duckdb", "funnelql.demo", "true",
                "funnelql.time-zone", "Europe/Berlin", "funnelql.week-start", "sunday",
                "funnelql.fiscal-year-start-month", "4", "funnelql.max-periods", "60", "funnelql.memory-limit", "2GB",
                "funnelql.threads", "2"));

        assertThat(properties).isEqualTo(new FunnelqlProperties("data/acme.duckdb", true, ZoneId.of("Europe/Berlin"),
                DayOfWeek.SUNDAY, 4, 60, "2GB", 2));
        assertThat(properties.warehouseSettings().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void refusesAnUnknownTimeZone() {
        assertThatThrownBy(() -> bind(Map.of("funnelql.time-zone", "Mars/Olympus_Mons")))
                .isInstanceOf(BindException.class).hasMessageContaining("funnelql.time-zone").rootCause()
                .hasMessageContaining("Mars/Olympus_Mons");
    }

    @Test
    void refusesAFiscalYearStartMonthOutsideOneToTwelve() {
        assertThatThrownBy(() -> bind(Map.of("funnelql.fiscal-year-start-month", "13")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("funnelql.fiscal-year-start-month must be 1 (January) to 12 (December), got 13");
    }

    @Test
    void refusesAMalformedMemoryLimit() {
        assertThatThrownBy(() -> bind(Map.of("funnelql.memory-limit", "lots")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("memory limit must look like 4GB");
    }

    @Test
    void databaseInMemoryIsSpelledLikeDuckDb() {
        assertThat(bind(Map.of("funnelql.database", ":memory:")).inMemory()).isTrue();
        assertThat(bind(Map.of()).inMemory()).isFalse();
    }
}

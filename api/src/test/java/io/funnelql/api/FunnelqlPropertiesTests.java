package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

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
    void limitsDefaultToAHundredThousandCellsThirtySecondsTwoGigabyteUploadsAndOneMegabyteRequests() {
        FunnelqlProperties properties = bind(Map.of());

        assertThat(properties.maxCells()).isEqualTo(100_000);
        assertThat(properties.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofGigabytes(2));
        assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(properties.workspaces()).isEmpty();
        assertThat(properties.reportSettings().maxCells()).isEqualTo(100_000);
        assertThat(properties.reportSettings().timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bindsLimitsAndWorkspacesIntoTheReportSettings() {
        FunnelqlProperties properties = bind(Map.of("funnelql.max-cells", "500", "funnelql.query-timeout", "2s",
                "funnelql.max-upload-size", "10MB", "funnelql.max-request-size", "64KB",
                "funnelql.workspaces.acme.database", "clients/acme.duckdb", "funnelql.workspaces.globex.database", ":memory:"));

        assertThat(properties.reportSettings().maxCells()).isEqualTo(500);
        assertThat(properties.reportSettings().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(properties.workspaces()).containsOnlyKeys("acme", "globex");
        assertThat(properties.workspaces().get("acme").database()).isEqualTo("clients/acme.duckdb");
        assertThat(properties.workspaces().get("globex").inMemory()).isTrue();
    }

    @Test
    void refusesLimitsThatWouldRefuseEverything() {
        assertThatThrownBy(() -> bind(Map.of("funnelql.max-cells", "0"))).isInstanceOf(BindException.class).rootCause()
                .hasMessage("funnelql.max-cells must be at least 1, got 0");
        assertThatThrownBy(() -> bind(Map.of("funnelql.query-timeout", "0s"))).isInstanceOf(BindException.class).rootCause()
                .hasMessage("funnelql.query-timeout must be positive, such as 30s, got PT0S");
        assertThatThrownBy(() -> bind(Map.of("funnelql.workspaces.acme.database", " "))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("funnelql.workspaces.<name>.database must name a file");
    }

    @Test
    void databaseInMemoryIsSpelledLikeDuckDb() {
        assertThat(bind(Map.of("funnelql.database", ":memory:")).inMemory()).isTrue();
        assertThat(bind(Map.of()).inMemory()).isFalse();
    }
}

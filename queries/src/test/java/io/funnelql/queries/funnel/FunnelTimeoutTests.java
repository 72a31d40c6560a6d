package io.funnelql.queries.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** A funnel report runs under its settings' timeout; one that runs out is refused and leaves nothing behind. */
class FunnelTimeoutTests {

    @Test
    void aReportOverItsTimeoutIsRefusedAndTheNextOneAnswers() {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,mql_at\nc1,2024-06-03,2024-06-20\nc2,2024-06-04,\n");
            FunnelQuery june = FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(Stage.CREATED, Stage.MQL);

            FunnelService hurried = new FunnelService(warehouse, ReportSettings.defaults().withTimeout(Duration.ofNanos(1)),
                    Clock.systemUTC());
            assertThatThrownBy(() -> hurried.run(june)).isInstanceOf(BadQueryException.class)
                    .hasMessageContaining("The report took longer than");

            FunnelReport report = new FunnelService(warehouse, ReportSettings.defaults(), Clock.systemUTC()).run(june);
            assertThat(report.totals()).extracting(FunnelStep::count).containsExactly(2L, 1L);
        }
    }
}

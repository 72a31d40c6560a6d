package io.funnelql.queries.velocity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** knownAt reproduces a velocity report as it was answered before a correcting load. */
class VelocityKnownAtTests {

    @Test
    void knownAtBetweenTwoLoadsSeesTheDatesBeforeTheCorrection() throws InterruptedException {
        try (Warehouse warehouse = Warehouse.inMemory(WarehouseSettings.defaults())) {
            VelocityService velocity = new VelocityService(warehouse, ReportSettings.defaults(), Clock.systemUTC());
            Fixtures.load(warehouse, Dataset.CONTACTS, """
                    contact_id,created_at,mql_at,sql_at
                    k1,2024-06-01,2024-06-03,2024-06-05
                    k2,2024-06-01,2024-06-04,2024-06-12
                    """);
            Thread.sleep(5);
            Instant between = Instant.now();
            Thread.sleep(5);
            // The correction: k2 became an SQL on Jun 6, not Jun 12.
            Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,mql_at,sql_at\nk2,2024-06-01,2024-06-04,2024-06-06\n");
            VelocityQuery june = VelocityQuery.of(DateRange.of("2024-06-01", "2024-06-30"), Stage.MQL, Stage.SQL);

            // Before: 2 and 8 days, median 5. Now: 2 and 2, median 2.
            assertThat(velocity.run(june.withKnownAt(between)).total().medianDays().value()).isEqualTo(5.0);
            assertThat(velocity.run(june).total().medianDays().value()).isEqualTo(2.0);
            assertThat(velocity.run(june.withKnownAt(Instant.now())).total().medianDays().value()).isEqualTo(2.0);
        }
    }
}

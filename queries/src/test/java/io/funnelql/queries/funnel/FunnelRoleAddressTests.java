package io.funnelql.queries.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** A funnel can leave out contacts with role addresses (info@, sales@, ...); counted by hand. */
class FunnelRoleAddressTests {

    /*
     * Five MQLs in May 2024: r1 info@ and r3 sales@ (with spaces and capitals) are role addresses; r2 a person;
     * r4 has no email and r5 an email without @: both kept.
     */
    static final String CONTACTS = """
            contact_id,created_at,source,email,mql_at
            r1,2024-05-02,email,info@acme.example,2024-05-03
            r2,2024-05-02,email,Jane.Doe@acme.example,2024-05-04
            r3,2024-05-06,email, Sales@Beta.Example ,2024-05-07
            r4,2024-05-08,email,,2024-05-09
            r5,2024-05-08,email,info,2024-05-09
            """;

    Warehouse warehouse;
    FunnelService funnel;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, CONTACTS);
        funnel = new FunnelService(warehouse, ReportSettings.defaults(), Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void leavesOutContactsWhoseEmailIsARoleAddress() {
        FunnelQuery query = FunnelQuery.of(DateRange.of("2024-05-01", "2024-05-31")).withCohort(CohortMode.ENTERED)
                .withStages(Stage.CREATED, Stage.MQL);

        assertThat(funnel.run(query).total(Stage.MQL)).isEqualTo(5);
        assertThat(funnel.run(query.withExcludeRoleAddresses(true)).total(Stage.MQL)).isEqualTo(3);
        assertThat(funnel.run(query.withExcludeRoleAddresses(true)).total(Stage.CREATED)).isEqualTo(3);
        assertThat(funnel.run(query.withCohort(CohortMode.CREATED).withExcludeRoleAddresses(true)).total(Stage.MQL)).isEqualTo(3);
    }

    @Test
    void theRoleAddressListHoldsTheCommonFunctions() {
        assertThat(RoleAddresses.LOCAL_PARTS).contains("info", "sales", "support", "admin", "contact", "hello", "marketing",
                "noreply", "no-reply", "office", "team").doesNotHaveDuplicates()
                .allSatisfy(part -> assertThat(part).isLowerCase());
    }
}

package io.funnelql.queries.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.revenue.RevenueQuery;
import io.funnelql.queries.revenue.RevenueService;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Input the revenue and cost reports cannot answer is refused with a message a user can act on. */
class CostBadQueryTests {

    static Warehouse warehouse;
    static CostService cost;
    static RevenueService revenue;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nc1,2024-06-03,ORGANIC_SEARCH\n");
        cost = new CostService(warehouse, ReportSettings.defaults(), Clock.systemUTC());
        revenue = new RevenueService(warehouse, ReportSettings.defaults(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static DateRange june() {
        return DateRange.of("2024-06-01", "2024-06-30");
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("cost: unknown source", (Supplier<Object>) () -> cost.run(CostQuery.of(june()).withSources("organic")), "Unknown source 'organic'"),
                Arguments.of("cost: unknown channel", (Supplier<Object>) () -> cost.run(CostQuery.of(june()).withChannels("partner")), "Unknown channel 'partner'"),
                Arguments.of("cost: too many periods", (Supplier<Object>) () -> cost.run(CostQuery.of(DateRange.of("2000-01-01", "2024-12-31")).withGrain(Grain.DAY)), "at most 1000"),
                Arguments.of("cost: repeated dimension", (Supplier<Object>) () -> CostQuery.of(june()).withGroupBy(Dimension.SOURCE, Dimension.SOURCE), "names a dimension twice"),
                Arguments.of("cost: blank source", (Supplier<Object>) () -> CostQuery.of(june()).withSources(" "), "may not contain empty names"),
                Arguments.of("revenue: unknown source", (Supplier<Object>) () -> revenue.run(RevenueQuery.of(june()).withSources("organic")), "Unknown source 'organic'"),
                Arguments.of("revenue: unknown channel", (Supplier<Object>) () -> revenue.run(RevenueQuery.of(june()).withChannels("partner")), "Unknown channel 'partner'"),
                Arguments.of("revenue: too many periods", (Supplier<Object>) () -> revenue.run(RevenueQuery.of(DateRange.of("2000-01-01", "2024-12-31")).withGrain(Grain.DAY)), "at most 1000"),
                Arguments.of("revenue: repeated dimension", (Supplier<Object>) () -> RevenueQuery.of(june()).withGroupBy(Dimension.CHANNEL, Dimension.CHANNEL), "names a dimension twice"),
                Arguments.of("revenue: blank channel", (Supplier<Object>) () -> RevenueQuery.of(june()).withChannels(""), "may not contain empty names"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void isRefusedWithAnActionableMessage(String name, Supplier<Object> query, String message) {
        assertThatThrownBy(query::get).isInstanceOf(BadQueryException.class).hasMessageContaining(message);
    }

    @Test
    void unattributedIsAValidSourceAndChannelFilter() {
        assertThat(cost.run(CostQuery.of(june()).withSources("unattributed").withChannels("unattributed")
                .withCompare(Compare.NONE)).rows()).hasSize(1);
        assertThat(revenue.run(RevenueQuery.of(june()).withSources("unattributed").withChannels("unattributed")).rows()).hasSize(1);
    }
}

package io.funnelql.queries.funnel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.report.TimeZones;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Input a funnel cannot answer is refused with a message a user can act on. */
class FunnelBadQueryTests {

    static Warehouse warehouse;
    static FunnelService funnels;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nc1,2024-06-03,ORGANIC_SEARCH\n");
        funnels = new FunnelService(warehouse, ReportSettings.defaults(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static FunnelQuery june() {
        return FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30"));
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("to before from", (Supplier<Object>) () -> DateRange.of("2024-06-30", "2024-06-01"), "ends (2024-06-01) before it starts"),
                Arguments.of("no stages", (Supplier<Object>) () -> june().withStages(), "at least one stage"),
                Arguments.of("repeated stage", (Supplier<Object>) () -> june().withStages(Stage.MQL, Stage.MQL), "funnel order without repeats"),
                Arguments.of("stages out of order", (Supplier<Object>) () -> june().withStages(Stage.SQL, Stage.MQL), "got SQL, MQL"),
                Arguments.of("negative window", (Supplier<Object>) () -> june().withWithinDays(-1), "withinDays must be 0 or more"),
                Arguments.of("endless window", (Supplier<Object>) () -> june().withWithinDays(Integer.MAX_VALUE),
                        "withinDays may be at most 36500 (100 years), got 2147483647"),
                Arguments.of("window under ENTERED", (Supplier<Object>) () -> june().withCohort(CohortMode.ENTERED).withWithinDays(30), "CREATED cohort only"),
                Arguments.of("unknown source", (Supplier<Object>) () -> funnels.run(june().withSources("organic")), "Unknown source 'organic'"),
                Arguments.of("unknown channel", (Supplier<Object>) () -> funnels.run(june().withChannels("partner")), "Unknown channel 'partner'"),
                Arguments.of("too many periods", (Supplier<Object>) () -> funnels.run(FunnelQuery.of(DateRange.of("2000-01-01", "2024-12-31")).withGrain(Grain.DAY)),
                        "at most 1000"),
                Arguments.of("unknown time zone", (Supplier<Object>) () -> TimeZones.parse("Mars/Olympus_Mons"), "Unknown time zone 'Mars/Olympus_Mons'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void refusesWithAnActionableMessage(String name, Supplier<Object> query, String message) {
        assertThatThrownBy(query::get).isInstanceOf(BadQueryException.class).hasMessageContaining(message);
    }
}

package io.funnelql.queries.traffic;

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
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Input a traffic report cannot answer is refused with a message a user can act on. */
class TrafficBadQueryTests {

    static Warehouse warehouse;
    static TrafficService traffic;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.SESSIONS, "session_id,started_at,source,visitor_id\ns1,2024-06-03,direct,v1\n");
        traffic = new TrafficService(warehouse, new ReportSettings(java.time.ZoneId.of("UTC"), java.time.DayOfWeek.MONDAY, 1, 1000, 50),
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static TrafficQuery june() {
        return TrafficQuery.of(DateRange.of("2024-06-01", "2024-06-30"));
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("repeated dimension", (Supplier<Object>) () -> june().withGroupBy(Dimension.SOURCE, Dimension.SOURCE),
                        "groupBy names a dimension twice"),
                Arguments.of("empty source name", (Supplier<Object>) () -> june().withSources(" "), "may not contain empty names"),
                Arguments.of("unknown source", (Supplier<Object>) () -> traffic.run(june().withSources("google")), "Unknown source 'google'"),
                Arguments.of("unknown channel", (Supplier<Object>) () -> traffic.run(june().withChannels("partner")), "Unknown channel 'partner'"),
                Arguments.of("too many periods", (Supplier<Object>) () -> traffic.run(TrafficQuery.of(DateRange.of("2000-01-01", "2024-12-31"))
                        .withGrain(Grain.DAY)), "at most 1000"),
                Arguments.of("too many rows", (Supplier<Object>) () -> traffic.run(TrafficQuery.of(DateRange.of("2024-01-01", "2024-12-31"))
                        .withGrain(Grain.WEEK).withGroupBy(Dimension.SOURCE).withSources("direct", "email")), "at most 50 are allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void refusesWithAnActionableMessage(String name, Supplier<Object> query, String message) {
        assertThatThrownBy(query::get).isInstanceOf(BadQueryException.class).hasMessageContaining(message);
    }
}

package io.funnelql.queries.velocity;

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
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Input a velocity report cannot answer is refused with a message a user can act on. */
class VelocityBadQueryTests {

    static Warehouse warehouse;
    static VelocityService velocity;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source\nc1,2024-06-03,ORGANIC_SEARCH\n");
        velocity = new VelocityService(warehouse, ReportSettings.defaults(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static final DateRange JUNE = DateRange.of("2024-06-01", "2024-06-30");

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("stages reversed", (Supplier<Object>) () -> VelocityQuery.of(JUNE, Stage.SQL, Stage.MQL),
                        "toStage must come after fromStage"),
                Arguments.of("the same stage twice", (Supplier<Object>) () -> VelocityQuery.of(JUNE, Stage.MQL, Stage.MQL), "got MQL to MQL"),
                Arguments.of("repeated dimension", (Supplier<Object>) () -> VelocityQuery.of(JUNE, Stage.MQL, Stage.SQL)
                        .withGroupBy(Dimension.CHANNEL, Dimension.CHANNEL), "groupBy names a dimension twice"),
                Arguments.of("unknown source", (Supplier<Object>) () -> velocity.run(VelocityQuery.of(JUNE, Stage.MQL, Stage.SQL)
                        .withSources("organic")), "Unknown source 'organic'"),
                Arguments.of("too many periods", (Supplier<Object>) () -> velocity.run(VelocityQuery.of(DateRange.of("2000-01-01",
                        "2024-12-31"), Stage.MQL, Stage.SQL).withGrain(Grain.DAY)), "at most 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void refusesWithAnActionableMessage(String name, Supplier<Object> query, String message) {
        assertThatThrownBy(query::get).isInstanceOf(BadQueryException.class).hasMessageContaining(message);
    }
}

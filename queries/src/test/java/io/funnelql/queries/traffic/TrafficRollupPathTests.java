package io.funnelql.queries.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Which queries the rollups answer and which go to the sessions: after the sessions and contacts are emptied
 * behind the rollups' back, a query answered from the rollups still sees June's 7 sessions and 4 visitors,
 * and a query that must read the sessions sees none.
 */
class TrafficRollupPathTests {

    static final DateRange JUNE = DateRange.of("2024-06-01", "2024-06-30");

    Warehouse warehouse;
    TrafficService traffic;

    @BeforeEach
    void load() throws SQLException {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        Fixtures.load(warehouse, Dataset.SESSIONS, TrafficServiceTests.SESSIONS);
        Fixtures.load(warehouse, Dataset.CONTACTS, TrafficServiceTests.CONTACTS);
        traffic = new TrafficService(warehouse, ReportSettings.defaults(), TrafficServiceTests.CLOCK);
        // Reads the bounds while the data is there: they are kept per data version, which the deletes keep.
        traffic.run(TrafficQuery.of(JUNE));
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM sessions");
            statement.execute("DELETE FROM contacts");
        }
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static Arguments answered(String name, TrafficQuery query, boolean fromRollups) {
        return Arguments.of(name, query, fromRollups);
    }

    static java.util.stream.Stream<Arguments> queries() {
        TrafficQuery june = TrafficQuery.of(JUNE);
        return java.util.stream.Stream.of(
                answered("all sources", june, true),
                answered("weekly by source, weeks from Sunday", june.withGrain(Grain.WEEK).withGroupBy(Dimension.SOURCE)
                        .withWeekStart(java.time.DayOfWeek.SUNDAY), true),
                answered("by channel", june.withGroupBy(Dimension.CHANNEL), true),
                answered("by source and channel", june.withGroupBy(Dimension.SOURCE, Dimension.CHANNEL), true),
                answered("one source", june.withSources("paid_search", "organic_search").withSources("organic_search"), true),
                answered("one channel", june.withChannels("inbound"), true),
                answered("by source, two sources", june.withGroupBy(Dimension.SOURCE).withSources("paid_search", "organic_search"), false),
                answered("by channel, one source", june.withGroupBy(Dimension.CHANNEL).withSources("paid_search"), false),
                answered("another time zone", june.withTimeZone(ZoneId.of("Europe/Berlin")), false),
                answered("asOf inside the range", june.withAsOf(Instant.parse("2024-06-20T00:00:00Z")), false),
                answered("asOf after the range, before the last session", june.withAsOf(Instant.parse("2024-07-01T10:00:00Z")), true),
                answered("asOf on the range's last day", june.withAsOf(Instant.parse("2024-06-30T23:00:00Z")), false),
                answered("knownAt before the last load", june.withKnownAt(Instant.parse("2024-01-01T00:00:00Z")), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersFromTheRollupsWhenTheyGiveTheSameNumbers(String name, TrafficQuery query, boolean fromRollups) {
        TrafficRow total = traffic.run(query).total();

        assertThat(total.sessions().value() > 0).as("answered from the rollups").isEqualTo(fromRollups);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void statementsAreTheOnesTheReportRuns(String name, TrafficQuery query, boolean fromRollups) {
        List<SqlStatement> statements = traffic.statements(query);

        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).sql().contains("rollup_sessions_daily")).as("reads the rollups").isEqualTo(fromRollups);
    }

    @ParameterizedTest
    @EnumSource(value = Compare.class, names = {"PREVIOUS_PERIOD", "PREVIOUS_YEAR"})
    void aComparisonIsASecondStatement(Compare compare) {
        assertThat(traffic.statements(TrafficQuery.of(JUNE).withCompare(compare))).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void theRawReferenceNeverReadsTheRollups(String name, TrafficQuery query, boolean fromRollups) {
        TrafficService raw = TrafficService.withoutRollups(warehouse, ReportSettings.defaults(), TrafficServiceTests.CLOCK);

        assertThat(raw.statements(query)).singleElement().satisfies(statement -> assertThat(statement.sql())
                .doesNotContain("rollup_sessions_daily", "rollup_contacts_created"));
    }
}

package io.funnelql.queries.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * The KPI board on four hand-built weeks (Mondays May 6 to 27, 2024, UTC), asked on Monday June 3 at noon, so its
 * period is the week of May 27 and the one before is May 20's.
 */
class KpiBoardServiceTests {

    /*
     * Sessions per week 10, 12, 14, 16 (4 of them paid search each week, the rest organic search), each session its
     * own visitor; 2 contacts created each week (organic), no MQLs. So sessions rise 15.4% a week while the
     * visitor-to-contact rate falls 0.2, 0.1667, 0.1429, 0.125 (-15.7% a week): a signal. A sessions target of 20
     * for the week of May 27.
     */
    static final int[] SESSIONS = {10, 12, 14, 16};
    static final Instant AS_OF = Instant.parse("2024-06-03T12:00:00Z");

    Warehouse warehouse;
    KpiDefinitions definitions;

    @BeforeEach
    void load() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        StringBuilder sessions = new StringBuilder("session_id,started_at,source\n");
        StringBuilder contacts = new StringBuilder("contact_id,created_at,source\n");
        for (int week = 0; week < 4; week++) {
            LocalDate monday = LocalDate.parse("2024-05-06").plusWeeks(week);
            for (int i = 0; i < SESSIONS[week]; i++) {
                sessions.append("w").append(week).append('-').append(i).append(',').append(monday.plusDays(1 + i % 3)).append(',')
                        .append(i < 4 ? "paid_search" : "organic_search").append('\n');
            }
            for (int i = 0; i < 2; i++) {
                contacts.append("c").append(week).append('-').append(i).append(',').append(monday.plusDays(2)).append(",organic_search\n");
            }
        }
        Fixtures.load(warehouse, Dataset.SESSIONS, sessions.toString());
        Fixtures.load(warehouse, Dataset.CONTACTS, contacts.toString());
        Fixtures.load(warehouse, Dataset.TARGETS, "metric,period_start,grain,value\nsessions,2024-05-27,WEEK,20\n");
        definitions = new KpiDefinitions(warehouse, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    KpiBoardService board(KpiBoardSettings settings) {
        Clock clock = Clock.fixed(AS_OF, ZoneOffset.UTC);
        return new KpiBoardService(warehouse, ReportSettings.defaults(), settings, clock, definitions,
                KpiFixtures.services(warehouse, ReportSettings.defaults(), clock));
    }

    static BoardKpi kpi(KpiBoard board, String id) {
        return board.kpis().stream().filter(k -> k.definition().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theDefaultBoardComparesTheLastCompleteWeekWithTheOneBefore() {
        KpiBoard board = board(KpiBoardSettings.defaults()).run(KpiBoardQuery.configured());

        assertThat(board.grain()).isEqualTo(Grain.WEEK);
        assertThat(board.period().label()).isEqualTo("2024-05-27");
        assertThat(board.previousPeriod().label()).isEqualTo("2024-05-20");
        assertThat(board.northStar().definition().id()).isEqualTo("customers");
        assertThat(board.kpis()).extracting(k -> k.definition().id(), k -> k.definition().version())
                .containsExactly(tuple("mqls", 1), tuple("lifecycle_funnel", 1), tuple("sessions", 1), tuple("won_revenue", 1),
                        tuple("cost_per_lead", 1), tuple("cac", 1));
        // Sessions: 16 against 14 the week before (+2, +14.3%), 20 targeted: attainment 0.8.
        BoardKpi sessions = kpi(board, "sessions");
        assertThat(sessions.value()).isEqualTo(16.0);
        assertThat(sessions.previous()).isEqualTo(14.0);
        assertThat(sessions.change()).hasValue(2.0);
        assertThat(sessions.changeRate().getAsDouble()).isCloseTo(2.0 / 14, within(1e-12));
        assertThat(sessions.target()).isEqualTo(20.0);
        assertThat(sessions.attainment()).hasValue(0.8);
        assertThat(sessions.indicator()).isEqualTo(Indicator.LEADING);
        assertThat(sessions.parts()).extracting(BoardKpi.Part::name, p -> p.measure().value(), p -> p.measure().previous())
                .containsExactly(tuple("organic_search", 12.0, 10.0), tuple("paid_search", 4.0, 4.0));
        assertThat(sessions.series()).extracting(KpiPoint::value).containsExactly(10.0, 12.0, 14.0, 16.0);
        // Nothing was spent: no cost per lead, rather than 0.
        assertThat(kpi(board, "cost_per_lead").value()).isNull();
        assertThat(kpi(board, "lifecycle_funnel").parts()).extracting(BoardKpi.Part::name, p -> p.measure().value())
                .startsWith(tuple("CREATED", 2.0), tuple("LEAD", 0.0));
    }

    @Test
    void flagsSessionsRisingWhileTheirConversionFalls() {
        KpiBoard board = board(KpiBoardSettings.defaults()).run(KpiBoardQuery.configured());

        // Only the sessions pair: MQLs are 0 every week, so they have no trend.
        assertThat(board.signals()).hasSize(1);
        Signal signal = board.signals().get(0);
        assertThat(signal.leading().id()).isEqualTo("sessions");
        assertThat(signal.lagging().id()).isEqualTo("visitor_to_contact_rate");
        assertThat(signal.kind()).isEqualTo(SignalKind.LEADING_UP_LAGGING_DOWN);
        assertThat(signal.leadingValues()).containsExactly(10.0, 12.0, 14.0, 16.0);
        assertThat(signal.laggingValues()).containsExactly(0.2, 2 / 12.0, 2 / 14.0, 0.125);
        assertThat(signal.leadingTrend()).isCloseTo(2.0 / 13, within(1e-12));
    }

    @Test
    void theConfigurationChoosesTheKpisTheCadenceAndThePeriods() {
        KpiBoardSettings monthly = new KpiBoardSettings(Grain.MONTH, "contacts", List.of("sessions", "leads"), 2, 0.05, List.of());

        KpiBoard board = board(monthly).run(KpiBoardQuery.configured());

        // May against April: 52 sessions and 8 contacts in May, none in April.
        assertThat(board.period().label()).isEqualTo("2024-05");
        assertThat(board.northStar().value()).isEqualTo(8.0);
        assertThat(board.northStar().previous()).isEqualTo(0.0);
        assertThat(board.northStar().changeRate()).isEmpty();
        assertThat(board.kpis()).extracting(k -> k.definition().id(), BoardKpi::value).containsExactly(tuple("sessions", 52.0),
                tuple("leads", 0.0));
        assertThat(board.signals()).isEmpty();
    }

    @Test
    void aQueryChoosesItsOwnKpisAndVersions() {
        definitions.save(KpiDraft.withDefaults("sessions", "Paid sessions", null, "sessions", List.of("paid_search"), null, null, null,
                null, null, null));
        KpiBoardService service = board(KpiBoardSettings.defaults());

        KpiBoard latest = service.run(KpiBoardQuery.configured().withNorthStar("sessions").withKpis("contacts"));
        KpiBoard pinned = service.run(KpiBoardQuery.configured().withNorthStar("sessions").withKpis("contacts")
                .withVersions(new KpiVersion("sessions", 1)));

        // Version 2 counts paid search only: 4; version 1 all 16.
        assertThat(latest.northStar().definition().version()).isEqualTo(2);
        assertThat(latest.northStar().value()).isEqualTo(4.0);
        assertThat(pinned.northStar().definition().version()).isEqualTo(1);
        assertThat(pinned.northStar().value()).isEqualTo(16.0);
        assertThat(latest.kpis()).extracting(BoardKpi::value).containsExactly(2.0);
    }

    @Test
    void refusesUnknownKpisAndTooManyOfThem() {
        KpiBoardService service = board(KpiBoardSettings.defaults());

        assertThatThrownBy(() -> service.run(KpiBoardQuery.configured().withKpis("nope"))).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("Unknown KPI 'nope'");
        assertThatThrownBy(() -> KpiBoardQuery.configured().withKpis("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("at most 10 KPIs");
        assertThatThrownBy(() -> new KpiBoardSettings(Grain.WEEK, "customers", List.of(), 1, 0.05, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 to 52 periods");
    }
}

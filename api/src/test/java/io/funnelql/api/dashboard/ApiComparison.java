package io.funnelql.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What the API answers for the view the page shows, asked with queries of the test's own (not the page's), and
 * the assertions that the page's tracker, charts and year-over-year table show exactly that.
 */
final class ApiComparison {

    /** The numbers per period that the tracker and the trends show, asked independently of the page. */
    static final String PER_PERIOD = """
            query PerPeriod($range: DateRange!, $grain: Grain!, $cohort: CohortMode!, $sources: [String!], $compare: Compare!,
                            $asOf: DateTime) {
              funnel(input: {range: $range, grain: $grain, cohort: $cohort, sources: $sources, compare: $compare, asOf: $asOf,
                             stages: [CREATED, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER]}) {
                rows { period { start complete } steps { count previous target } }
                totals { count previous }
              }
              traffic(input: {range: $range, grain: $grain, sources: $sources, asOf: $asOf}) {
                rows { sessions { value target attainment } }
                total { sessions { value } }
              }
              revenue(input: {range: $range, grain: $grain, sources: $sources, asOf: $asOf}) {
                rows { wonRevenue { value target } }
              }
              cost(input: {range: $range, grain: $grain, sources: $sources, asOf: $asOf}) {
                rows { cac { value } costPerLead { target } }
              }
            }
            """;

    /** The whole range by source, which the funnel chart and the bar charts show. */
    static final String BY_SOURCE = """
            query BySource($range: DateRange!, $grain: Grain!, $cohort: CohortMode!, $sources: [String!], $asOf: DateTime) {
              funnel(input: {range: $range, grain: $grain, cohort: $cohort, sources: $sources, groupBy: [SOURCE], asOf: $asOf,
                             stages: [CREATED, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER]}) {
                groupTotals { source steps { count } }
              }
              traffic(input: {range: $range, grain: $grain, sources: $sources, groupBy: [SOURCE], asOf: $asOf}) {
                groupTotals { source sessions { value } }
              }
              sources { source label }
            }
            """;

    /** The KPI board at the page's instant, asked independently of the page. */
    static final String BOARD = """
            query Board($asOf: DateTime, $weekStart: Weekday) {
              kpiBoard(input: {asOf: $asOf, weekStart: $weekStart}) {
                period { start }
                timeZone
                northStar { definition { id version lowerIsBetter } value previous change changeRate target attainment }
                kpis { definition { id version lowerIsBetter } value previous change changeRate target attainment }
                signals { message }
              }
            }
            """;

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private final HttpGraphQlTester graphQl;
    private final DashboardPage page;

    ApiComparison(HttpGraphQlTester graphQl, DashboardPage page) {
        this.graphQl = graphQl;
        this.page = page;
    }

    /** Compares the tracker, every chart and the year-over-year table with the API's answers for the same view. */
    void assertPageShowsWhatItAnswers(String from, String to, String grain, String cohort, List<String> sources) {
        Map<String, Object> variables = variables(from, to, grain, cohort, sources);
        variables.put("compare", "PREVIOUS_YEAR");
        GraphQlTester.Response periods = graphQl.document(PER_PERIOD).variables(variables).execute();
        assertThat(page.trackerPeriods()).containsExactlyElementsOf(periods.path("funnel.rows[*].period.start").entityList(String.class).get());
        String[] columns = {"contacts", "leads", "mqls", "sqls", "opportunities", "customers"};
        for (int stage = 0; stage < columns.length; stage++) {
            assertThat(page.trackerColumn(columns[stage])).as(columns[stage])
                    .containsExactlyElementsOf(periods.path("funnel.rows[*].steps[" + stage + "].count").entityList(Double.class).get());
            assertThat(page.trackerTotal(columns[stage])).as(columns[stage] + " total")
                    .isEqualTo(periods.path("funnel.totals[" + stage + "].count").entity(Double.class).get());
        }
        List<Double> sessions = periods.path("traffic.rows[*].sessions.value").entityList(Double.class).get();
        List<Double> wonRevenue = values(periods, "revenue.rows[*].wonRevenue.value");
        List<Double> cac = values(periods, "cost.rows[*].cac.value");
        assertThat(page.trackerColumn("sessions")).containsExactlyElementsOf(sessions);
        assertThat(page.trackerColumn("wonRevenue")).containsExactlyElementsOf(wonRevenue);
        assertThat(page.trackerColumn("cac")).containsExactlyElementsOf(cac);
        assertThat(page.chartSeries("trends").get(0)).map(ApiComparison::number).containsExactlyElementsOf(wonRevenue);
        assertThat(page.chartSeries("trends").get(1)).map(ApiComparison::number).containsExactlyElementsOf(cac);

        // Targets, where the demo data has them, and the sessions' OKR colours in the periods that have ended.
        assertTargets("sessions", values(periods, "traffic.rows[*].sessions.target"));
        assertTargets("contacts", values(periods, "funnel.rows[*].steps[0].target"));
        assertTargets("mqls", values(periods, "funnel.rows[*].steps[2].target"));
        assertTargets("wonRevenue", values(periods, "revenue.rows[*].wonRevenue.target"));
        assertTargets("costPerLead", values(periods, "cost.rows[*].costPerLead.target"));
        List<Double> attainment = values(periods, "traffic.rows[*].sessions.attainment");
        List<Boolean> complete = periods.path("funnel.rows[*].period.complete").entityList(Boolean.class).get();
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < attainment.size(); i++) {
            colours.add(complete.get(i) ? colour(attainment.get(i)) : "");
        }
        assertThat(page.trackerColours("sessions")).containsExactlyElementsOf(colours);

        // Year over year: the range's MQLs and sessions against a year earlier, per period and in all.
        assertThat(page.yearOverYear("mqls", "value")).isEqualTo(periods.path("funnel.totals[2].count").entity(Double.class).get());
        assertThat(page.yearOverYear("mqls", "previous")).isEqualTo(periods.path("funnel.totals[2].previous").entity(Double.class).get());
        assertThat(page.yearOverYear("sessions", "value")).isEqualTo(periods.path("traffic.total.sessions.value").entity(Double.class).get());
        assertThat(page.chartSeries("yoy").get(0)).map(ApiComparison::number)
                .containsExactlyElementsOf(periods.path("funnel.rows[*].steps[2].count").entityList(Double.class).get());
        assertThat(page.chartSeries("yoy").get(1)).map(ApiComparison::number)
                .containsExactlyElementsOf(periods.path("funnel.rows[*].steps[2].previous").entityList(Double.class).get());

        variables.remove("compare");
        GraphQlTester.Response bySource = graphQl.document(BY_SOURCE).variables(variables).execute();
        Map<String, String> labels = new HashMap<>();
        List<String> ids = bySource.path("sources[*].source").entityList(String.class).get();
        List<String> names = bySource.path("sources[*].label").entityList(String.class).get();
        for (int i = 0; i < ids.size(); i++) {
            labels.put(ids.get(i), names.get(i));
        }
        assertBars("mqls-by-source", bySource, "funnel.groupTotals", "steps[2].count", labels);
        assertBars("sessions-by-source", bySource, "traffic.groupTotals", "sessions.value", labels);
        if (sources.isEmpty()) {
            // All sources: the funnel chart shows the totals, which are the sums of the groups' counts.
            List<Double> totals = periods.path("funnel.totals[*].count").entityList(Double.class).get();
            assertThat(page.chartSeries("funnel").get(0)).map(ApiComparison::number).containsExactlyElementsOf(totals);
        }
    }

    /**
     * Compares the KPI board with the API's board at the page's instant and week start (null: the server's): the
     * KPIs in order, the North Star first, each number, the changes' and attainments' colours, the definition
     * versions and the signals. Answers the board's period: its first day, in its time zone.
     */
    ZonedDateTime assertBoardShowsWhatItAnswers(@Nullable String weekStart) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("asOf", page.asOf());
        if (weekStart != null) {
            variables.put("weekStart", weekStart);
        }
        GraphQlTester.Response board = graphQl.document(BOARD).variables(variables).execute();
        List<Map<String, Object>> kpis = new ArrayList<>();
        kpis.add(board.path("kpiBoard.northStar").entity(MAP).get());
        kpis.addAll(board.path("kpiBoard.kpis").entityList(MAP).get());
        assertThat(kpis).hasSizeGreaterThan(1);

        assertThat(page.boardKpis()).containsExactlyElementsOf(kpis.stream().map(kpi -> String.valueOf(definition(kpi).get("id"))).toList());
        assertThat(page.boardVersions()).containsExactlyElementsOf(kpis.stream().map(kpi -> ((Number) definition(kpi).get("version")).intValue()).toList());
        for (String column : List.of("value", "previous", "changeRate", "target", "attainment")) {
            assertThat(page.boardColumn(column)).as("board " + column)
                    .containsExactlyElementsOf(kpis.stream().map(kpi -> number(kpi.get(column))).toList());
        }
        assertThat(page.boardChanges()).as("board change").containsExactlyElementsOf(kpis.stream().map(kpi -> number(kpi.get("change"))).toList());
        List<String> changeColours = new ArrayList<>();
        List<String> attainmentColours = new ArrayList<>();
        for (Map<String, Object> kpi : kpis) {
            boolean lowerIsBetter = Boolean.TRUE.equals(definition(kpi).get("lowerIsBetter"));
            Double change = number(kpi.get("change"));
            changeColours.add(change == null || change == 0 ? "" : (change > 0) != lowerIsBetter ? "better" : "worse");
            Double attainment = number(kpi.get("attainment"));
            // For a cost, the target over the value is what is compared.
            Double score = attainment == null || !lowerIsBetter ? attainment
                    : Double.valueOf(attainment == 0 ? Double.POSITIVE_INFINITY : 1 / attainment);
            attainmentColours.add(colour(score));
        }
        assertThat(page.boardAttribute("changeRate", "class")).as("board change colours").containsExactlyElementsOf(changeColours);
        assertThat(page.boardAttribute("attainment", "class")).as("board attainment colours").containsExactlyElementsOf(attainmentColours);

        List<String> messages = board.path("kpiBoard.signals[*].message").entityList(String.class).get();
        assertThat(page.boardSignals()).containsExactlyElementsOf(messages.isEmpty() ? List.of("no signals") : messages);
        ZoneId zone = ZoneId.of(board.path("kpiBoard.timeZone").entity(String.class).get());
        return LocalDate.parse(board.path("kpiBoard.period.start").entity(String.class).get()).atStartOfDay(zone);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(Map<String, Object> kpi) {
        return (Map<String, Object>) kpi.get("definition");
    }

    /** A column's targets are shown beside it when the API gives any; otherwise there is no target column. */
    private void assertTargets(String column, List<Double> targets) {
        List<Double> shown = page.trackerColumn(column + "Target");
        if (shown.isEmpty()) {
            assertThat(targets).as(column + " targets").containsOnlyNulls();
        } else {
            assertThat(shown).as(column + " targets").containsExactlyElementsOf(targets);
        }
    }

    /** The OKR colour of a count's attainment: on track from 1, at risk from 0.9. */
    static String colour(Double attainment) {
        if (attainment == null) {
            return "";
        }
        return attainment >= 1 ? "on-track" : attainment >= 0.9 ? "at-risk" : "off-track";
    }

    /** A bar chart shows each group with a value above 0, largest first (drawn bottom up, so reversed). */
    private void assertBars(String tile, GraphQlTester.Response answer, String groups, String value, Map<String, String> labels) {
        List<String> sources = answer.path(groups + "[*].source").entityList(String.class).get();
        List<Double> values = answer.path(groups + "[*]." + value).entityList(Double.class).get();
        List<Map.Entry<String, Double>> bars = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (values.get(i) > 0) {
                bars.add(Map.entry(sources.get(i), values.get(i)));
            }
        }
        bars.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<Object> drawn = new ArrayList<>(page.chartSeries(tile).get(0));
        List<String> categories = new ArrayList<>(page.chartCategories(tile, "yAxis"));
        Collections.reverse(drawn);
        Collections.reverse(categories);
        assertThat(drawn).as(tile).map(ApiComparison::number).containsExactlyElementsOf(bars.stream().map(Map.Entry::getValue).toList());
        assertThat(categories).as(tile).containsExactlyElementsOf(bars.stream().map(bar -> labels.getOrDefault(bar.getKey(), bar.getKey())).toList());
    }

    /**
     * The variables of a view, as of the instant the page's numbers count up to: the demo data runs to the end of
     * today, so later questions would count the sessions and contacts dated meanwhile.
     */
    Map<String, Object> variables(String from, String to, String grain, String cohort, List<String> sources) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("asOf", page.asOf());
        variables.put("range", Map.of("from", from, "to", to));
        variables.put("grain", grain);
        variables.put("cohort", cohort);
        if (!sources.isEmpty()) {
            variables.put("sources", sources);
        }
        return variables;
    }

    /** Values that may be null (a cost without customers): JSON paths over them keep the nulls. */
    @SuppressWarnings("unchecked")
    private static List<Double> values(GraphQlTester.Response answer, String path) {
        List<Object> raw = answer.path(path).entity(List.class).get();
        return raw.stream().map(ApiComparison::number).toList();
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}

package io.funnelql.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.cost.CostInput;
import io.funnelql.api.revenue.RevenueInput;
import io.funnelql.api.traffic.TrafficInput;
import io.funnelql.queries.cost.CostQuery;
import io.funnelql.queries.cost.CostReport;
import io.funnelql.queries.cost.CostRow;
import io.funnelql.queries.cost.CostService;
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.queries.revenue.RevenueQuery;
import io.funnelql.queries.revenue.RevenueReport;
import io.funnelql.queries.revenue.RevenueRow;
import io.funnelql.queries.revenue.RevenueService;
import io.funnelql.queries.traffic.TrafficQuery;
import io.funnelql.queries.traffic.TrafficReport;
import io.funnelql.queries.traffic.TrafficRow;
import io.funnelql.queries.traffic.TrafficService;
import io.funnelql.warehouse.Warehouse;

/**
 * A report of measures ({@code traffic}, {@code revenue}, {@code cost}): rows per period and group, group
 * totals and a total, each row a record whose {@link Measure} components are the GraphQL fields of the same
 * names. The document asks for every measure's value; the numbers compared are those values, row by row.
 *
 * @param <Q> the query record
 * @param <R> the report record
 */
final class MetricKind<Q, R> implements ReportKind {

    /** One service's two entry points: the report, and the statements it runs. */
    record Service<Q, R>(Function<Q, R> run, Function<Q, List<SqlStatement>> statements) {

        static <S, Q, R> Service<Q, R> of(S service, BiFunction<S, Q, R> run, BiFunction<S, Q, List<SqlStatement>> statements) {
            return new Service<>(q -> run.apply(service, q), q -> statements.apply(service, q));
        }
    }

    /** Makes a service over a warehouse ({@code TrafficService::new}, or its raw-scan twin). */
    interface Factory<Q, R> {
        Service<Q, R> create(Warehouse warehouse, ReportSettings settings, Clock clock);
    }

    static final MetricKind<TrafficQuery, TrafficReport> TRAFFIC = new MetricKind<>("traffic", TrafficRow.class,
            TrafficInput.class, TrafficInput::toQuery,
            (w, s, c) -> Service.of(new TrafficService(w, s, c), TrafficService::run, TrafficService::statements),
            (w, s, c) -> Service.of(TrafficService.withoutRollups(w, s, c), TrafficService::run, TrafficService::statements),
            r -> rows(r.rows(), r.groupTotals(), r.total()));

    static final MetricKind<RevenueQuery, RevenueReport> REVENUE = new MetricKind<>("revenue", RevenueRow.class,
            RevenueInput.class, RevenueInput::toQuery,
            (w, s, c) -> Service.of(new RevenueService(w, s, c), RevenueService::run, RevenueService::statements),
            (w, s, c) -> Service.of(RevenueService.withoutRollups(w, s, c), RevenueService::run, RevenueService::statements),
            r -> rows(r.rows(), r.groupTotals(), r.total()));

    static final MetricKind<CostQuery, CostReport> COST = new MetricKind<>("cost", CostRow.class,
            CostInput.class, CostInput::toQuery,
            (w, s, c) -> Service.of(new CostService(w, s, c), CostService::run, CostService::statements),
            (w, s, c) -> Service.of(CostService.withoutRollups(w, s, c), CostService::run, CostService::statements),
            r -> rows(r.rows(), r.groupTotals(), r.total()));

    private final String field;
    private final List<RecordComponent> measures;
    private final String document;
    private final BiFunction<JsonMapper, Map<String, Object>, Q> query;
    private final Factory<Q, R> rollups;
    private final Factory<Q, R> raw;
    private final Function<R, List<Record>> rows;

    /**
     * @param rowType the row record; its {@link Measure} components, in order, are the measures asked for
     * @param inputType the API's input record for the report, read from the workload's JSON as the API reads it
     * @param rows a report's rows, then its group totals, then its total
     */
    <I> MetricKind(String field, Class<? extends Record> rowType, Class<I> inputType, Function<I, Q> toQuery,
                   Factory<Q, R> rollups, Factory<Q, R> raw, Function<R, List<Record>> rows) {
        this.field = field;
        this.measures = Arrays.stream(rowType.getRecordComponents()).filter(c -> c.getType() == Measure.class).toList();
        String values = measures.stream().map(c -> c.getName() + " { value }").collect(Collectors.joining(" "));
        this.document = "query Report($input: " + inputType.getSimpleName() + "!) {\n  " + field + "(input: $input) {\n"
                + "    rows { period { start end label complete } source channel " + values + " }\n"
                + "    groupTotals { source channel " + values + " }\n"
                + "    total { " + values + " }\n  }\n}";
        this.query = (mapper, json) -> toQuery.apply(mapper.convertValue(json, inputType));
        this.rollups = rollups;
        this.raw = raw;
        this.rows = rows;
    }

    @Override
    public String document() {
        return document;
    }

    @Override
    public String field() {
        return field;
    }

    /** Every measure's value (null where undefined), row by row: the rows, the group totals, the total. */
    @Override
    public List<Double> numbers(JsonNode report) {
        List<Double> numbers = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        report.path("rows").forEach(all::add);
        report.path("groupTotals").forEach(all::add);
        all.add(report.path("total"));
        for (JsonNode row : all) {
            for (RecordComponent measure : measures) {
                JsonNode value = row.path(measure.getName()).path("value");
                numbers.add(value.isNumber() ? value.asDouble() : null);
            }
        }
        return numbers;
    }

    @Override
    public Reference reference(Server server, Map<String, Object> input) {
        // Read exactly as the API reads it: the same JSON into the same input record.
        Q q = query.apply(server.bean(JsonMapper.class), input);
        // The raw scans may take longer than the server's query timeout at large scales; the reference must finish.
        ReportSettings settings = server.bean(FunnelqlProperties.class).reportSettings().withTimeout(Duration.ofHours(1));
        Clock clock = Clock.fixed(Clock.systemUTC().instant(), ZoneOffset.UTC);
        Service<Q, R> withRollups = rollups.create(server.warehouse(), settings, clock);
        Service<Q, R> rawScan = raw.create(server.warehouse(), settings, clock);
        List<SqlStatement> statements = withRollups.statements().apply(q);
        List<SqlStatement> rawStatements = rawScan.statements().apply(q);
        return new Reference() {
            @Override
            public List<SqlStatement> statements() {
                return statements;
            }

            @Override
            public List<SqlStatement> rawStatements() {
                return rawStatements;
            }

            @Override
            public Object answer() {
                return withRollups.run().apply(q);
            }

            @Override
            public Object rawAnswer() {
                return rawScan.run().apply(q);
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Double> numbers(Object answer) {
                List<Double> numbers = new ArrayList<>();
                for (Record row : rows.apply((R) answer)) {
                    for (RecordComponent measure : measures) {
                        numbers.add(((Measure) accessor(measure, row)).value());
                    }
                }
                return numbers;
            }
        };
    }

    private static List<Record> rows(List<? extends Record> rows, List<? extends Record> groupTotals, Record total) {
        List<Record> all = new ArrayList<>(rows);
        all.addAll(groupTotals);
        all.add(total);
        return all;
    }

    private static Object accessor(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + row, e);
        }
    }
}

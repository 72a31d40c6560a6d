package io.funnelql.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.funnel.FunnelInput;
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.funnel.FunnelReport;
import io.funnelql.queries.funnel.FunnelRow;
import io.funnelql.queries.funnel.FunnelService;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;

/** The {@code funnel} report: GraphQL's {@code funnel(input)}, {@link FunnelService} and its raw-scan twin. */
final class FunnelKind implements ReportKind {

    static final FunnelKind INSTANCE = new FunnelKind();

    /** What a dashboard asks for: every row's period, group and step counts and rates, and the totals. */
    private static final String DOCUMENT = """
            query Funnel($input: FunnelInput!) {
              funnel(input: $input) {
                rows { period { start end label complete } source channel steps { stage count stepRate overallRate } }
                totals { stage count stepRate overallRate }
              }
            }""";

    private FunnelKind() {
    }

    @Override
    public String document() {
        return DOCUMENT;
    }

    @Override
    public String field() {
        return "funnel";
    }

    /** Every row's step counts in row order, then the totals' counts. */
    @Override
    public List<Double> numbers(JsonNode report) {
        List<Double> numbers = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            for (JsonNode step : row.path("steps")) {
                numbers.add(step.path("count").asDouble());
            }
        }
        for (JsonNode step : report.path("totals")) {
            numbers.add(step.path("count").asDouble());
        }
        return numbers;
    }

    @Override
    public Reference reference(Server server, Map<String, Object> input) {
        // Read exactly as the API reads it: the same JSON into the same input record.
        FunnelQuery query = server.bean(JsonMapper.class).convertValue(input, FunnelInput.class).toQuery();
        Warehouse warehouse = server.warehouse();
        // The raw scans may take longer than the server's query timeout at large scales; the reference must finish.
        ReportSettings settings = server.bean(FunnelqlProperties.class).reportSettings().withTimeout(Duration.ofHours(1));
        // One fixed clock for both, so their reports carry the same asOf and compare equal as records.
        Clock clock = Clock.fixed(Clock.systemUTC().instant(), ZoneOffset.UTC);
        FunnelService rollups = new FunnelService(warehouse, settings, clock);
        FunnelService raw = FunnelService.withoutRollups(warehouse, settings, clock);
        List<SqlStatement> statements = rollups.statements(query);
        List<SqlStatement> rawStatements = raw.statements(query);
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
                return rollups.run(query);
            }

            @Override
            public Object rawAnswer() {
                return raw.run(query);
            }

            @Override
            public List<Double> numbers(Object answer) {
                FunnelReport report = (FunnelReport) answer;
                List<Double> numbers = new ArrayList<>();
                for (FunnelRow row : report.rows()) {
                    row.steps().forEach(step -> numbers.add((double) step.count()));
                }
                report.totals().stream().map(step -> (double) step.count()).forEach(numbers::add);
                return numbers;
            }
        };
    }
}

package io.funnelql.api.saved;

import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.cost.CostInput;
import io.funnelql.api.cost.CostReports;
import io.funnelql.api.export.ExportInputs;
import io.funnelql.api.funnel.FunnelInput;
import io.funnelql.api.funnel.FunnelReports;
import io.funnelql.api.revenue.RevenueInput;
import io.funnelql.api.revenue.RevenueReports;
import io.funnelql.api.traffic.TrafficInput;
import io.funnelql.api.traffic.TrafficReports;
import io.funnelql.api.velocity.VelocityInput;
import io.funnelql.api.velocity.VelocityReports;
import io.funnelql.queries.cost.CostQuery;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.revenue.RevenueQuery;
import io.funnelql.queries.saved.ReportKind;
import io.funnelql.queries.traffic.TrafficQuery;
import io.funnelql.queries.velocity.VelocityQuery;

/**
 * Each report kind's input as JSON (the same JSON as its GraphQL input and its export): read and checked as the
 * kind's input record, and run through the kind's report service (and so through the result cache).
 */
@Component
class ReportInputs {

    /** What makes a run reproducible, as the input gives it; {@code null} where it leaves it open. */
    record Options(@Nullable Instant knownAt, @Nullable Instant asOf, @Nullable ZoneId timeZone, @Nullable DayOfWeek weekStart) {
    }

    private static final String WHAT = "the saved report's input";

    private final JsonMapper mapper;
    private final FunnelReports funnel;
    private final TrafficReports traffic;
    private final RevenueReports revenue;
    private final CostReports cost;
    private final VelocityReports velocity;

    ReportInputs(JsonMapper mapper, FunnelReports funnel, TrafficReports traffic, RevenueReports revenue, CostReports cost,
                 VelocityReports velocity) {
        this.mapper = mapper;
        this.funnel = funnel;
        this.traffic = traffic;
        this.revenue = revenue;
        this.cost = cost;
        this.velocity = velocity;
    }

    /**
     * Reads {@code json} as the kind's input, as its report would.
     *
     * @throws BadQueryException naming a field the input type does not have, or one it cannot read, or what the
     *         report itself refuses (a range that ends before it starts, an unknown time zone, ...)
     */
    Options read(ReportKind kind, Map<String, Object> json) {
        return switch (kind) {
            case FUNNEL -> {
                FunnelQuery query = input(kind, json, FunnelInput.class).toQuery();
                yield new Options(query.knownAt(), query.asOf(), query.timeZone(), query.weekStart());
            }
            case TRAFFIC -> {
                TrafficQuery query = input(kind, json, TrafficInput.class).toQuery();
                yield new Options(query.knownAt(), query.asOf(), query.timeZone(), query.weekStart());
            }
            case REVENUE -> {
                RevenueQuery query = input(kind, json, RevenueInput.class).toQuery();
                yield new Options(query.knownAt(), query.asOf(), query.timeZone(), query.weekStart());
            }
            case COST -> {
                CostQuery query = input(kind, json, CostInput.class).toQuery();
                yield new Options(query.knownAt(), query.asOf(), query.timeZone(), query.weekStart());
            }
            case VELOCITY -> {
                VelocityQuery query = input(kind, json, VelocityInput.class).toQuery();
                yield new Options(query.knownAt(), query.asOf(), query.timeZone(), query.weekStart());
            }
        };
    }

    /**
     * Runs the kind's report for {@code json}.
     *
     * @return a {@code FunnelReport}, {@code TrafficReport}, ... as the kind says
     */
    Object run(ReportKind kind, Map<String, Object> json, boolean refresh) {
        return switch (kind) {
            case FUNNEL -> funnel.run(input(kind, json, FunnelInput.class).toQuery(), refresh);
            case TRAFFIC -> traffic.run(input(kind, json, TrafficInput.class).toQuery(), refresh);
            case REVENUE -> revenue.run(input(kind, json, RevenueInput.class).toQuery(), refresh);
            case COST -> cost.run(input(kind, json, CostInput.class).toQuery(), refresh);
            case VELOCITY -> velocity.run(input(kind, json, VelocityInput.class).toQuery(), refresh);
        };
    }

    private <T extends Record> T input(ReportKind kind, Map<String, Object> json, Class<T> type) {
        checkFields(kind, json, type, "");
        return ExportInputs.read(mapper, json, type, WHAT);
    }

    /**
     * Refuses a field the input type does not have, at any depth, rather than ignoring it: a saved report whose
     * {@code grian} was dropped would run, and keep running, as something its author did not ask for.
     */
    static void checkFields(ReportKind kind, Map<?, ?> json, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        for (Map.Entry<?, ?> field : json.entrySet()) {
            String name = String.valueOf(field.getKey());
            Optional<RecordComponent> component = Arrays.stream(components).filter(c -> c.getName().equals(name)).findFirst();
            if (component.isEmpty()) {
                throw new BadQueryException("Unknown field '" + path + name + "' in a " + kind + " input; its fields are: "
                        + Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(", ")));
            }
            if (component.get().getType().isRecord() && field.getValue() instanceof Map<?, ?> nested) {
                checkFields(kind, nested, component.get().getType(), path + name + ".");
            }
        }
    }
}

package io.funnelql.api.kpi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.kpi.Aggregation;
import io.funnelql.queries.kpi.Breakdown;
import io.funnelql.queries.kpi.Indicator;
import io.funnelql.queries.kpi.KpiDraft;
import io.funnelql.queries.report.BadQueryException;

/** GraphQL's {@code KpiDefinitionInput} as sent; absent fields take the defaults {@link KpiDraft#withDefaults} gives. */
public record KpiDefinitionInput(@Nullable String id, @Nullable String name, @Nullable String description, @Nullable String metric,
                                 @Nullable List<String> sources, @Nullable List<String> channels,
                                 @Nullable Boolean excludeRoleAddresses, @Nullable List<Stage> stages,
                                 @Nullable Breakdown breakdown, @Nullable Aggregation aggregation, @Nullable Indicator indicator) {

    KpiDraft toDraft() {
        if (id == null || name == null || metric == null) {
            throw new BadQueryException("A KPI definition needs an id, a name and a metric, such as {id: \"paid_mqls\", "
                    + "name: \"Paid MQLs\", metric: \"mqls\", sources: [\"paid_search\"]}");
        }
        return KpiDraft.withDefaults(id, name, description, metric, sources, channels, excludeRoleAddresses, stages, breakdown,
                aggregation, indicator);
    }
}

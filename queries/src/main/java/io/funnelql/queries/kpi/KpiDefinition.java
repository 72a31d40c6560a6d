package io.funnelql.queries.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.targets.SourceScope;

/**
 * One version of a KPI definition: what the KPI counts, exactly. Versions never change; saving a changed
 * definition makes the next one ({@link KpiDefinitions#save}).
 *
 * @param id the KPI's id ({@code mqls}), lower case
 * @param version 1, 2, ...
 * @param name how the KPI is shown ({@code MQLs by source})
 * @param description what it counts, in words
 * @param metric a {@linkplain KpiMetric catalog metric} or the name of a {@code metric_values} series, lower case
 * @param sources only these sources (empty: all), sorted
 * @param channels only these channels (empty: all), sorted
 * @param excludeRoleAddresses leave out contacts whose email is a role address (funnel counts and rates only)
 * @param stages the stages of a {@code funnel} KPI, in funnel order; empty for every other metric
 * @param breakdown the parts shown beside the total
 * @param aggregation how a {@code metric_values} series makes a period's value; SUM for catalog metrics
 * @param indicator leading or lagging
 * @param createdAt when this version was saved (1970-01-01 for the built-in versions)
 */
public record KpiDefinition(String id, int version, String name, String description, String metric, List<String> sources,
                            List<String> channels, boolean excludeRoleAddresses, List<Stage> stages, Breakdown breakdown,
                            Aggregation aggregation, Indicator indicator, Instant createdAt) {

    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(createdAt, "createdAt");
        sources = List.copyOf(sources);
        channels = List.copyOf(channels);
        stages = List.copyOf(stages);
    }

    /** The catalog metric; empty for a {@code metric_values} series. */
    public Optional<KpiMetric> catalogMetric() {
        return KpiMetric.find(metric);
    }

    /** True when the value adds up over days and sources: a catalog count or amount, or a series summed. */
    public boolean additive() {
        return catalogMetric().map(KpiMetric::additive).orElse(aggregation == Aggregation.SUM);
    }

    /** True when being under the target is on track (costs); series are more-is-better. */
    public boolean lowerIsBetter() {
        return catalogMetric().map(KpiMetric::lowerIsBetter).orElse(false);
    }

    /** The sources the definition's value covers, for its targets. */
    public SourceScope targetScope() {
        return SourceScope.of(null, null, sources, channels);
    }

    /** True when saving {@code draft} would save nothing new: every field but the version and date is equal. */
    public boolean sameAs(KpiDraft draft) {
        return id.equals(draft.id()) && name.equals(draft.name()) && description.equals(draft.description())
                && metric.equals(draft.metric()) && sources.equals(draft.sources()) && channels.equals(draft.channels())
                && excludeRoleAddresses == draft.excludeRoleAddresses() && stages.equals(draft.stages())
                && breakdown == draft.breakdown() && aggregation == draft.aggregation() && indicator == draft.indicator();
    }
}

package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.BadQueryException;

/**
 * A KPI definition as it is to be saved, with every default filled in ({@link #of}). {@link KpiDefinitions#save}
 * checks it against the warehouse (the metric and sources exist) and gives it its version.
 *
 * @see KpiDefinition for the meaning of each field
 */
public record KpiDraft(String id, String name, String description, String metric, List<String> sources, List<String> channels,
                       boolean excludeRoleAddresses, List<Stage> stages, Breakdown breakdown, Aggregation aggregation,
                       Indicator indicator) {

    /** What an id may look like: it names the KPI in configuration and queries. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The stages of a funnel KPI that names none: created to customer. */
    public static final List<Stage> FUNNEL_STAGES = List.of(Stage.CREATED, Stage.LEAD, Stage.MQL, Stage.SQL,
            Stage.OPPORTUNITY, Stage.CUSTOMER);

    static final int MAX_NAME = 200, MAX_DESCRIPTION = 2000;

    public KpiDraft {
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(indicator, "indicator");
        id = id.strip();
        name = name.strip();
        description = description.strip();
        metric = metric.strip().toLowerCase(Locale.ROOT);
        sources = sources.stream().map(String::strip).distinct().sorted().toList();
        channels = channels.stream().map(String::strip).distinct().sorted().toList();
        stages = List.copyOf(stages);
        if (!ID.matcher(id).matches()) {
            throw new BadQueryException("'" + id + "' is not a KPI id: use lower-case letters, digits and '_', starting "
                    + "with a letter (at most 63 characters), such as mqls_excluding_role_addresses");
        }
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new BadQueryException("A KPI needs a name of 1 to " + MAX_NAME + " characters");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new BadQueryException("A KPI's description may have at most " + MAX_DESCRIPTION + " characters");
        }
        if (metric.isEmpty()) {
            throw new BadQueryException("A KPI needs a metric: one of the catalog (" + KpiMetric.ids() + ") or a metric_values series");
        }
        if (sources.stream().anyMatch(String::isEmpty) || channels.stream().anyMatch(String::isEmpty)) {
            throw new BadQueryException("Source and channel filters may not contain empty names");
        }
    }

    /**
     * A draft with defaults for every field not given ({@code null}): a description saying what the metric and
     * filters are; no filters; role addresses counted; a funnel's stages created to customer; no breakdown; SUM;
     * the catalog metric's indicator (LEADING for a series).
     */
    public static KpiDraft withDefaults(String id, String name, @Nullable String description, String metric,
                                        @Nullable List<String> sources, @Nullable List<String> channels,
                                        @Nullable Boolean excludeRoleAddresses, @Nullable List<Stage> stages,
                                        @Nullable Breakdown breakdown, @Nullable Aggregation aggregation,
                                        @Nullable Indicator indicator) {
        List<String> sourceList = sources == null ? List.of() : sources.stream().map(String::strip).distinct().sorted().toList();
        List<String> channelList = channels == null ? List.of() : channels.stream().map(String::strip).distinct().sorted().toList();
        boolean excluded = excludeRoleAddresses != null && excludeRoleAddresses;
        boolean funnel = KpiMetric.find(metric).filter(m -> m == KpiMetric.FUNNEL).isPresent();
        return new KpiDraft(id, name, description == null || description.isBlank()
                        ? describe(metric, sourceList, channelList, excluded) : description, metric, sourceList, channelList,
                excluded, stages == null || stages.isEmpty() ? (funnel ? FUNNEL_STAGES : List.of()) : stages,
                breakdown == null ? Breakdown.NONE : breakdown, aggregation == null ? Aggregation.SUM : aggregation,
                indicator == null ? KpiMetric.find(metric).map(KpiMetric::indicator).orElse(Indicator.LEADING) : indicator);
    }

    /** The description to use when none is given: the metric and its filters, in words. */
    static String describe(String metric, List<String> sources, List<String> channels, boolean excludeRoleAddresses) {
        StringBuilder text = new StringBuilder(metric.strip().toLowerCase(Locale.ROOT));
        if (!sources.isEmpty()) {
            text.append(", sources ").append(String.join(", ", sources));
        }
        if (!channels.isEmpty()) {
            text.append(", channels ").append(String.join(", ", channels));
        }
        if (excludeRoleAddresses) {
            text.append(", excluding role addresses");
        }
        return text.toString();
    }
}

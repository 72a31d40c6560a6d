package io.funnelql.queries.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.KnownSources;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * The KPI definitions of a warehouse, every version of each: listed, looked up and saved. A definition's versions
 * are never changed or removed; saving a changed definition adds the next version, and saving one equal to the
 * latest version adds nothing. Thread-safe; saves of one warehouse are made one at a time.
 */
public final class KpiDefinitions {

    private final Warehouse warehouse;
    private final Clock clock;
    private final KnownSources knownSources;

    public KpiDefinitions(Warehouse warehouse, Clock clock) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownSources = new KnownSources(warehouse);
    }

    /** Every version of every definition, by id, then version. */
    public List<KpiDefinition> all() {
        try (Connection connection = warehouse.reader()) {
            return KpiDefinitionSql.readAll(connection);
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the KPI definitions: " + e.getMessage(), e);
        }
    }

    /**
     * Every version of one definition, oldest first.
     *
     * @throws BadQueryException when no definition has this id
     */
    public List<KpiDefinition> versions(String id) {
        return versions(all(), id);
    }

    /**
     * The version of a definition a report uses: the one asked for; else, with a knownAt, the latest saved at or
     * before it (the first version when none was saved by then); else the latest.
     *
     * @throws BadQueryException for an unknown id or version
     */
    public KpiDefinition resolve(String id, @Nullable Integer version, @Nullable Instant knownAt) {
        return resolve(all(), id, version, knownAt);
    }

    /**
     * The versions of several KPIs a report uses, in the order asked: pinned ones as {@code pins} say, the others as
     * {@link #resolve(String, Integer, Instant)} chooses.
     *
     * @throws BadQueryException for an unknown id or version
     */
    public List<KpiDefinition> resolve(List<String> ids, List<KpiVersion> pins, @Nullable Instant knownAt) {
        List<KpiDefinition> all = all();
        List<KpiDefinition> resolved = new ArrayList<>();
        for (String id : ids) {
            Integer pinned = pins.stream().filter(pin -> pin.id().equals(id.strip())).map(KpiVersion::version).findFirst().orElse(null);
            resolved.add(resolve(all, id, pinned, knownAt));
        }
        return resolved;
    }

    /**
     * Saves a definition: a new version when it differs from the latest (version 1 for a new id), nothing when it is
     * the same.
     *
     * @throws BadQueryException when the metric is neither in the catalog nor a loaded metric_values series, a
     *         filter names an unknown source or channel, or an option does not apply to the metric
     */
    public synchronized SavedDefinition save(KpiDraft draft) {
        check(draft);
        List<KpiDefinition> all = all();
        List<KpiDefinition> versions = all.stream().filter(d -> d.id().equals(draft.id())).toList();
        KpiDefinition latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (latest != null && latest.sameAs(draft)) {
            return new SavedDefinition(latest, false);
        }
        KpiDefinition definition = new KpiDefinition(draft.id(), latest == null ? 1 : latest.version() + 1, draft.name(),
                draft.description(), draft.metric(), draft.sources(), draft.channels(), draft.excludeRoleAddresses(),
                draft.stages(), draft.breakdown(), draft.aggregation(), draft.indicator(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try (Connection connection = warehouse.connect()) {
            KpiDefinitionSql.insert(connection, definition);
        } catch (SQLException e) {
            throw new WarehouseException("Cannot save KPI definition " + draft.id() + ": " + e.getMessage(), e);
        }
        return new SavedDefinition(definition, true);
    }

    private void check(KpiDraft draft) {
        KpiMetric metric = KpiMetric.find(draft.metric()).orElse(null);
        if (metric == null) {
            List<String> series = series();
            if (!series.contains(draft.metric())) {
                throw new BadQueryException("Unknown metric '" + draft.metric() + "'. Use a catalog metric (" + KpiMetric.ids()
                        + ") or a metric_values series" + (series.isEmpty() ? " (none is loaded)" : " (" + String.join(", ", series) + ")"));
            }
            if (draft.breakdown() != Breakdown.NONE) {
                throw new BadQueryException("A metric_values series has no breakdown; leave breakdown out or NONE");
            }
            if (!draft.channels().isEmpty()) {
                throw new BadQueryException("metric_values rows have a source but no channel; filter the series by sources");
            }
        } else if (draft.aggregation() != Aggregation.SUM) {
            throw new BadQueryException("aggregation applies to metric_values series only; " + metric.id()
                    + " is computed by its report: leave aggregation out");
        }
        if (draft.excludeRoleAddresses() && (metric == null || !metric.countsContacts())) {
            throw new BadQueryException("excludeRoleAddresses applies to the funnel's counts and rates (contacts, leads, "
                    + "mqls, ..., mql_to_sql_rate, funnel), not to " + draft.metric());
        }
        checkStages(draft, metric);
        knownSources.check(draft.sources(), draft.channels());
    }

    private static void checkStages(KpiDraft draft, @Nullable KpiMetric metric) {
        if (metric != KpiMetric.FUNNEL) {
            if (!draft.stages().isEmpty()) {
                throw new BadQueryException("stages apply to the funnel metric only; leave them out for " + draft.metric());
            }
            return;
        }
        if (draft.breakdown() != Breakdown.NONE) {
            throw new BadQueryException("A funnel KPI's parts are its stages; leave breakdown out or NONE");
        }
        List<Stage> stages = draft.stages();
        boolean ordered = true;
        for (int i = 1; i < stages.size(); i++) {
            ordered &= stages.get(i).ordinal() > stages.get(i - 1).ordinal();
        }
        if (stages.size() < 2 || !ordered) {
            throw new BadQueryException("A funnel KPI needs at least two stages in funnel order without repeats, such as "
                    + KpiDraft.FUNNEL_STAGES.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private List<String> series() {
        try (Connection connection = warehouse.reader()) {
            return KpiDefinitionSql.series(connection);
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the metric_values series: " + e.getMessage(), e);
        }
    }

    private static List<KpiDefinition> versions(List<KpiDefinition> all, String id) {
        List<KpiDefinition> versions = all.stream().filter(d -> d.id().equals(id.strip())).toList();
        if (versions.isEmpty()) {
            throw new BadQueryException("Unknown KPI '" + id.strip() + "'. Defined KPIs: "
                    + all.stream().map(KpiDefinition::id).distinct().collect(Collectors.joining(", "))
                    + ". Define it with saveKpiDefinition");
        }
        return versions;
    }

    private static KpiDefinition resolve(List<KpiDefinition> all, String id, @Nullable Integer version, @Nullable Instant knownAt) {
        List<KpiDefinition> versions = versions(all, id);
        if (version != null) {
            return versions.stream().filter(d -> d.version() == version).findFirst().orElseThrow(() -> new BadQueryException(
                    "KPI '" + id.strip() + "' has versions 1 to " + versions.size() + "; there is no version " + version));
        }
        if (knownAt != null) {
            KpiDefinition known = versions.get(0);
            for (KpiDefinition definition : versions) {
                if (!definition.createdAt().isAfter(knownAt)) {
                    known = definition;
                }
            }
            return known;
        }
        return versions.get(versions.size() - 1);
    }
}

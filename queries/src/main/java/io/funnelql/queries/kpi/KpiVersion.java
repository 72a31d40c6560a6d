package io.funnelql.queries.kpi;

import java.util.Objects;

/**
 * A KPI pinned to one version of its definition, so that a report is computed as that version says.
 *
 * @param id the KPI's id
 * @param version the version, 1 or more
 */
public record KpiVersion(String id, int version) {

    public KpiVersion {
        Objects.requireNonNull(id, "id");
        id = id.strip();
    }
}

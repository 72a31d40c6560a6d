package io.funnelql.api.kpi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.kpi.KpiVersion;
import io.funnelql.queries.report.BadQueryException;

/** GraphQL's {@code KpiVersionInput}: a KPI pinned to a version of its definition. */
public record KpiVersionInput(@Nullable String id, @Nullable Integer version) {

    KpiVersion toVersion() {
        if (id == null || version == null || version < 1) {
            throw new BadQueryException("A pinned version needs a KPI id and a version of 1 or more, such as {id: \"mqls\", version: 1}");
        }
        return new KpiVersion(id, version);
    }

    static List<KpiVersion> versions(@Nullable List<KpiVersionInput> versions) {
        return versions == null ? List.of() : versions.stream().map(KpiVersionInput::toVersion).toList();
    }
}

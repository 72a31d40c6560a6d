package io.funnelql.queries.kpi;

import java.util.Objects;

/**
 * What saving a KPI definition did.
 *
 * @param definition the definition's latest version: the new one, or the unchanged one
 * @param created true when a new version was saved; false when the draft equalled the latest version
 */
public record SavedDefinition(KpiDefinition definition, boolean created) {

    public SavedDefinition {
        Objects.requireNonNull(definition, "definition");
    }
}

package io.funnelql.api.kpi;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.api.security.Roles;
import io.funnelql.queries.kpi.KpiDefinition;
import io.funnelql.queries.kpi.SavedDefinition;
import io.funnelql.warehouse.access.KeyRole;

/** GraphQL's {@code kpiDefinitions} query and {@code saveKpiDefinition} mutation. */
@Controller
class KpiDefinitionController {

    private final KpiReports reports;

    KpiDefinitionController(KpiReports reports) {
        this.reports = reports;
    }

    @QueryMapping
    List<KpiDefinition> kpiDefinitions(@Argument @Nullable String id) {
        return reports.definitions(id);
    }

    /** Changes what reports compute, like a load: role {@code load} or higher when API keys are on. */
    @MutationMapping
    SavedDefinition saveKpiDefinition(@Argument KpiDefinitionInput input) {
        Roles.require(KeyRole.LOAD, "Saving a KPI definition");
        return reports.save(input.toDraft());
    }
}

package io.funnelql.api.source;

import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.source.SourceCatalog;
import io.funnelql.warehouse.source.SourceInfo;

/** GraphQL's {@code sources} query: the sources the current workspace's data uses. */
@Controller
class SourceController {

    private final Workspaces workspaces;

    SourceController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @QueryMapping
    List<SourceInfo> sources() {
        return workspaces.current().service(SourceCatalog.class, SourceCatalog::new).list();
    }
}

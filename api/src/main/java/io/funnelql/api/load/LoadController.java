package io.funnelql.api.load;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.funnelql.warehouse.history.LoadRecord;

/** GraphQL's {@code loads} query: the load history of the current workspace. */
@Controller
class LoadController {

    private final LoadService loads;

    LoadController(LoadService loads) {
        this.loads = loads;
    }

    @QueryMapping
    List<LoadRecord> loads(@Argument @Nullable String dataset) {
        return loads.history(dataset);
    }
}

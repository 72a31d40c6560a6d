package io.funnelql.api.export;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.report.DateRangeInput;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.contacts.ContactRows;
import io.funnelql.queries.contacts.ContactRowsQuery;
import io.funnelql.queries.report.TimeZones;

/**
 * {@code POST /api/export/contacts}: the current contacts, one row each, with their normalised source and
 * every stage date, as DuckDB's own Arrow batches. Input: optional {@code created} range, {@code sources},
 * {@code channels} and {@code timeZone} (of the range).
 */
@Component
class ContactsExporter implements ReportExporter {

    /** The export's input. */
    record Input(@Nullable DateRangeInput created, @Nullable List<String> sources, @Nullable List<String> channels,
                 @Nullable String timeZone) {
    }

    private final Workspaces workspaces;
    private final JsonMapper mapper;

    ContactsExporter(Workspaces workspaces, JsonMapper mapper) {
        this.workspaces = workspaces;
        this.mapper = mapper;
    }

    @Override
    public String report() {
        return "contacts";
    }

    @Override
    public ExportTable export(Map<String, Object> json) {
        Input input = ExportInputs.read(mapper, json, Input.class);
        ContactRowsQuery query = new ContactRowsQuery(input.created() == null ? null : input.created().toDateRange(),
                input.sources() == null ? List.of() : input.sources(), input.channels() == null ? List.of() : input.channels(),
                input.timeZone() == null ? null : TimeZones.parse(input.timeZone()));
        ContactRows.Stream stream = workspaces.current().service(ContactRows.class, ContactRows::new).open(query);
        return new ExportTable.Batches(stream.reader(), stream.resources());
    }
}

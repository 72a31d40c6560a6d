package io.funnelql.queries.contacts;

import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.DateRange;

/**
 * Which contacts to export.
 *
 * @param created only contacts created on these dates (in {@code timeZone}); {@code null}: all
 * @param sources only these canonical sources; empty: all
 * @param channels only these channels; empty: all
 * @param timeZone the zone of the {@code created} dates; {@code null}: the workspace's
 */
public record ContactRowsQuery(@Nullable DateRange created, List<String> sources, List<String> channels,
                               @Nullable ZoneId timeZone) {

    public ContactRowsQuery {
        sources = List.copyOf(sources);
        channels = List.copyOf(channels);
    }

    public static ContactRowsQuery all() {
        return new ContactRowsQuery(null, List.of(), List.of(), null);
    }
}

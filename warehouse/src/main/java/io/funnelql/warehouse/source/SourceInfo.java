package io.funnelql.warehouse.source;

import java.util.List;
import java.util.Objects;

/**
 * A canonical source as the warehouse's data knows it.
 *
 * @param source the canonical id ({@code organic_search}), or a raw value kept as written when nothing maps it
 * @param channel {@code inbound}, {@code outbound}, or {@code unknown} for a source no mapping knows; when the
 *        rows of one source disagree (a user mapping gave some of its raw values another channel), the channel
 *        most of its rows carry
 * @param label the name to show: the canonical label ({@code Organic search}), else the source itself
 * @param mapped true when the source is canonical or a user {@code source_map} names it; false for a raw value
 *        kept as it is because nothing maps it (the data-quality report lists those)
 * @param contacts current contacts with this source
 * @param sessions current sessions with this source
 * @param rawValues the distinct raw strings that became this source, trimmed, sorted by their code points;
 *        empty when every row had a blank source
 */
public record SourceInfo(String source, String channel, String label, boolean mapped, long contacts, long sessions,
                         List<String> rawValues) {

    public SourceInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(label, "label");
        if (contacts < 0 || sessions < 0) {
            throw new IllegalArgumentException("counts cannot be negative: contacts " + contacts + ", sessions " + sessions);
        }
        rawValues = List.copyOf(rawValues);
    }
}

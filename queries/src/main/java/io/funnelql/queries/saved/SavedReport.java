package io.funnelql.queries.saved;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

import io.funnelql.queries.report.BadQueryException;

/**
 * A report's input saved under a name, with what makes it give the same numbers every time it runs.
 *
 * @param id the name in lower case, each run of characters other than letters and digits written {@code -}:
 *        "Q2 funnel, by source" is {@code q2-funnel-by-source}; unique within a workspace
 * @param name the name as given (trimmed)
 * @param kind which report the input is for
 * @param input the report's input as given, as JSON (the same JSON as the report's GraphQL input)
 * @param savedAt when it was saved
 * @param knownAt transaction time it runs at: {@code savedAt}, or the input's own knownAt when that is earlier
 * @param asOf valid time it runs at: the input's own asOf, or {@code savedAt} when it gave none
 * @param timeZone the report time zone: the input's, or the workspace's when it was saved
 * @param weekStart the first day of its weeks: the input's, or the workspace's when it was saved
 */
public record SavedReport(String id, String name, ReportKind kind, String input, Instant savedAt, Instant knownAt,
                          Instant asOf, ZoneId timeZone, DayOfWeek weekStart) {

    /** The longest name: enough for any title, short enough for a list. */
    public static final int MAX_NAME_LENGTH = 200;

    public SavedReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(knownAt, "knownAt");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(weekStart, "weekStart");
    }

    /**
     * The id of a saved report named {@code name}: lower case, each run of characters other than letters and
     * digits as {@code -}, accents kept ({@code Über-Funnel} is {@code über-funnel}).
     *
     * @throws BadQueryException when the name is blank, too long, or has no letter or digit
     */
    public static String idOf(String name) {
        String trimmed = checkName(name);
        String id = Normalizer.normalize(trimmed, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            throw new BadQueryException("A saved report's name needs at least one letter or digit; got '" + trimmed + "'");
        }
        return id;
    }

    /**
     * The name trimmed.
     *
     * @throws BadQueryException when it is blank, longer than {@value #MAX_NAME_LENGTH} characters or holds a
     *         control character
     */
    public static String checkName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new BadQueryException("A saved report needs a name, such as \"Q2 funnel by source\"");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new BadQueryException("A saved report's name may have at most " + MAX_NAME_LENGTH + " characters; this one has "
                    + trimmed.length());
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new BadQueryException("A saved report's name may not hold line breaks or other control characters");
        }
        return trimmed;
    }
}

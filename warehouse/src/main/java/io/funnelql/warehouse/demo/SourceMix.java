package io.funnelql.warehouse.demo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The synthetic company's sources: their shares of contacts and sessions, conversion rates and the raw
 * spellings that arrive in the data.
 *
 * <p>Paid search converts best to MQL, social worst; outbound, events and offline imports are sales-led:
 * they never start as subscribers and often enter straight at MQL or SQL. Raw spellings are mostly
 * HubSpot names, then canonical ids, then labels and company-specific names (mapped by the generated
 * {@code source_map}); a few rows carry a source nothing maps and a few have none, so that the
 * data-quality report has something to find.
 */
final class SourceMix {

    static final List<SourceProfile> PROFILES = List.of(
            //                 source            outbound contacts sessions hubspot            label             custom
            new SourceProfile("organic_search", false, 0.22, 0.33, "ORGANIC_SEARCH", "Organic Search", null,
                    // entry: subscriber, lead, mql, sql      conversion: sub->lead, lead->mql, mql->sql, sql->opp, opp->customer
                    List.of(0.25, 0.75, 0.0, 0.0), List.of(0.30, 0.33, 0.40, 0.55, 0.28), 0.48,
                    List.of("google", "bing", "duckduckgo")),
            new SourceProfile("paid_search", false, 0.16, 0.12, "PAID_SEARCH", "Paid Search", null,
                    List.of(0.08, 0.92, 0.0, 0.0), List.of(0.25, 0.42, 0.45, 0.55, 0.30), 0.42,
                    List.of("google ads", "microsoft ads")),
            new SourceProfile("paid_social", false, 0.09, 0.06, "PAID_SOCIAL", "Paid Social", "linkedin-ads",
                    List.of(0.15, 0.85, 0.0, 0.0), List.of(0.20, 0.22, 0.30, 0.50, 0.24), 0.62,
                    List.of("linkedin", "facebook")),
            new SourceProfile("organic_social", false, 0.05, 0.07, "SOCIAL_MEDIA", "Organic Social", null,
                    List.of(0.35, 0.65, 0.0, 0.0), List.of(0.20, 0.15, 0.30, 0.50, 0.22), 0.55,
                    List.of("linkedin", "twitter", "youtube")),
            new SourceProfile("email", false, 0.07, 0.06, "EMAIL_MARKETING", "Email", "newsletter",
                    List.of(0.45, 0.55, 0.0, 0.0), List.of(0.35, 0.25, 0.35, 0.55, 0.26), 0.35,
                    List.of("newsletter", "nurture", "product-updates")),
            new SourceProfile("referral", false, 0.08, 0.08, "REFERRALS", "Referral", "g2-reviews",
                    List.of(0.15, 0.85, 0.0, 0.0), List.of(0.30, 0.40, 0.50, 0.65, 0.35), 0.40,
                    List.of("g2.com", "capterra.com", "partner-directory")),
            new SourceProfile("direct", false, 0.10, 0.22, "DIRECT_TRAFFIC", "Direct", null,
                    List.of(0.20, 0.80, 0.0, 0.0), List.of(0.30, 0.30, 0.40, 0.55, 0.28), 0.45,
                    List.of()),
            new SourceProfile("display", false, 0.03, 0.04, null, "Display", null,
                    List.of(0.20, 0.80, 0.0, 0.0), List.of(0.15, 0.12, 0.25, 0.45, 0.20), 0.75,
                    List.of("google display", "retargeting")),
            new SourceProfile("events", true, 0.08, 0.01, null, null, "trade-show",
                    List.of(0.0, 0.25, 0.50, 0.25), List.of(0.0, 0.45, 0.35, 0.55, 0.25), 0.40,
                    List.of("trade show", "webinar", "meetup")),
            new SourceProfile("outbound", true, 0.09, 0.01, null, null, "sdr-outreach",
                    List.of(0.0, 0.30, 0.20, 0.50), List.of(0.0, 0.35, 0.45, 0.45, 0.22), 0.50,
                    List.of("sdr sequence", "cold call")),
            new SourceProfile("offline", true, 0.03, 0.00, "OFFLINE", "Offline Sources", null,
                    List.of(0.0, 0.60, 0.25, 0.15), List.of(0.0, 0.25, 0.30, 0.50, 0.25), 0.50,
                    List.of("import", "crm ui")));

    /** Share of rows whose source is blank: they become {@code unknown}. */
    static final double BLANK_SHARE = 0.003;
    /** Share of rows with a raw source that nothing maps: kept as written, listed as unmapped. */
    static final double UNMAPPED_SHARE = 0.003;
    static final List<String> UNMAPPED = List.of("partner-newsletter", "podcast-sponsorship", "slack-community");
    /** Share of rows spelled with the label ({@code Organic Search}), where the source has one. */
    static final double LABEL_SHARE = 0.03;
    /** Share of rows spelled with the company-specific name ({@code linkedin-ads}), where there is one. */
    static final double CUSTOM_SHARE = 0.05;
    /** Share of rows spelled as the canonical id ({@code organic_search}); the rest use HubSpot's name. */
    static final double CANONICAL_SHARE = 0.10;

    static {
        check(PROFILES.stream().mapToDouble(SourceProfile::contactShare).sum(), "contact");
        check(PROFILES.stream().mapToDouble(SourceProfile::sessionShare).sum(), "session");
    }

    private SourceMix() {
    }

    private static void check(double sum, String what) {
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalStateException(what + " shares sum to " + sum + ", not 1");
        }
    }

    /**
     * Puts the source constants into a template, as list literals indexed by a source's 1-based position
     * in {@link #PROFILES} (its {@code src}): {@code ${source_names}[src]}, {@code ${source_outbound}},
     * {@code ${source_hubspot}}, {@code ${source_label}}, {@code ${source_custom}} (NULL where there is
     * none), {@code ${source_bounce}}, {@code ${source_entry}[src][stage]},
     * {@code ${source_conversion}[src][step]} and {@code ${source_details}[src]}. Looking a value up in a
     * constant list costs far less than joining a profile table to a hundred million rows.
     */
    static SqlTemplate fill(SqlTemplate template) {
        return template
                .withFragment("source_names", SqlTemplate.texts(PROFILES.stream().map(SourceProfile::source).toList()))
                .withFragment("source_outbound", PROFILES.stream().map(p -> Boolean.toString(p.outbound()))
                        .collect(Collectors.joining(", ", "[", "]")))
                .withFragment("source_hubspot", SqlTemplate.texts(PROFILES.stream().map(SourceProfile::hubspot).toList()))
                .withFragment("source_label", SqlTemplate.texts(PROFILES.stream().map(SourceProfile::label).toList()))
                .withFragment("source_custom", SqlTemplate.texts(PROFILES.stream().map(SourceProfile::custom).toList()))
                .withFragment("source_bounce", numbers(PROFILES.stream().map(SourceProfile::bounceRate).toList()))
                .withFragment("source_entry", PROFILES.stream().map(p -> numbers(p.entry()))
                        .collect(Collectors.joining(", ", "[", "]")))
                .withFragment("source_conversion", PROFILES.stream().map(p -> numbers(p.conversion()))
                        .collect(Collectors.joining(", ", "[", "]")))
                .withFragment("source_details", PROFILES.stream().map(p -> SqlTemplate.texts(p.details()))
                        .collect(Collectors.joining(", ", "[", "]")));
    }

    /** The {@code src} of a canonical source: its 1-based position in {@link #PROFILES}. */
    static int src(String source) {
        for (int i = 0; i < PROFILES.size(); i++) {
            if (PROFILES.get(i).source().equals(source)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no profile for source " + source);
    }

    /** The {@code src} drawn from {@code u} (a column uniform in [0, 1)) with the contact shares. */
    static String contactSource(String u) {
        return pick(u, true);
    }

    /** The {@code src} drawn from {@code u} with the session shares. */
    static String sessionSource(String u) {
        return pick(u, false);
    }

    private static String pick(String u, boolean contacts) {
        StringBuilder sql = new StringBuilder("CASE");
        double cumulative = 0;
        int last = 1;
        for (int i = 0; i < PROFILES.size(); i++) {
            SourceProfile profile = PROFILES.get(i);
            double share = contacts ? profile.contactShare() : profile.sessionShare();
            if (share == 0) {
                continue;
            }
            cumulative += share;
            sql.append(" WHEN ").append(u).append(" < ").append(SqlTemplate.number(cumulative)).append(" THEN ").append(i + 1);
            last = i + 1;
        }
        // Rounding can leave the sum a hair under 1: the last source takes what is left.
        return sql.append(" ELSE ").append(last).append(" END").toString();
    }

    /**
     * The raw spelling of source {@code src} (a column) drawn from {@code u} (a column): NULL (blank), an
     * unmapped name, the label, the company's own name, the canonical id or HubSpot's name.
     */
    static String rawSource(String src, String u) {
        double blank = BLANK_SHARE;
        double unmapped = blank + UNMAPPED_SHARE;
        double label = unmapped + LABEL_SHARE;
        double custom = label + CUSTOM_SHARE;
        double canonical = custom + CANONICAL_SHARE;
        return "CASE WHEN " + u + " < " + SqlTemplate.number(blank) + " THEN NULL"
                + " WHEN " + u + " < " + SqlTemplate.number(unmapped) + " THEN "
                + SqlTemplate.texts(UNMAPPED) + "[1 + CAST(floor((" + u + " - " + SqlTemplate.number(blank) + ") / "
                + SqlTemplate.number(UNMAPPED_SHARE) + " * " + UNMAPPED.size() + ") AS INTEGER) % " + UNMAPPED.size() + "]"
                + " WHEN " + u + " < " + SqlTemplate.number(label) + " AND ${source_label}[" + src + "] IS NOT NULL"
                + " THEN ${source_label}[" + src + "]"
                + " WHEN " + u + " < " + SqlTemplate.number(custom) + " AND ${source_custom}[" + src + "] IS NOT NULL"
                + " THEN ${source_custom}[" + src + "]"
                + " WHEN " + u + " < " + SqlTemplate.number(canonical) + " OR ${source_hubspot}[" + src + "] IS NULL"
                + " THEN ${source_names}[" + src + "]"
                + " ELSE ${source_hubspot}[" + src + "] END";
    }

    private static String numbers(List<Double> numbers) {
        return numbers.stream().map(SqlTemplate::number).collect(Collectors.joining(", ", "[", "]"));
    }
}

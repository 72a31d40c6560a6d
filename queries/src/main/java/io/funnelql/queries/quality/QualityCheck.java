package io.funnelql.queries.quality;

/**
 * The data-quality checks, in the order a report lists them. docs/metrics.md ("Data quality") gives each one's
 * exact rule and which records a range selects.
 */
public enum QualityCheck {

    ROLE_ADDRESS_MQLS("MQLs with role addresses", Severity.WARNING, ExampleKind.CONTACT_ID,
            "MQLs whose email is a shared mailbox (info@, sales@, support@, ...) rather than a person: they inflate "
                    + "MQL counts and rarely convert."),
    FREE_MAIL_MQLS("MQLs with free-mail addresses", Severity.WARNING, ExampleKind.CONTACT_ID,
            "MQLs whose email is at a free-mail provider (gmail.com, yahoo.com, outlook.com, ...), so the company "
                    + "behind them is unknown."),
    BULK_MQL_STAMPING("MQLs stamped in bulk", Severity.WARNING, ExampleKind.MINUTE,
            "Minutes in which at least the threshold of contacts entered MQL at once, like a trade-show list marked "
                    + "MQL in one go; count: the contacts stamped in such minutes."),
    STAGES_OUT_OF_ORDER("Stage dates out of order", Severity.WARNING, ExampleKind.CONTACT_ID,
            "Contacts with a lifecycle stage dated before an earlier stage (or before their creation). Reports count "
                    + "them as their dates say."),
    DEALS_WITH_UNKNOWN_CONTACT("Deals whose contact is unknown", Severity.ERROR, ExampleKind.DEAL_ID,
            "Deals that name a contact_id no contact has: their revenue is unattributed until the contact is loaded."),
    DEALS_WITHOUT_CONTACT("Deals without a contact", Severity.INFO, ExampleKind.DEAL_ID,
            "Deals with no contact_id: their revenue is reported as unattributed."),
    UNMAPPED_CONTACT_SOURCES("Contacts with unmapped sources", Severity.WARNING, ExampleKind.RAW_SOURCE,
            "Contacts whose raw source no mapping knows, kept as its own source with channel unknown; add it to "
                    + "source_map. Count: the contacts; examples: the raw sources."),
    UNMAPPED_SESSION_SOURCES("Sessions with unmapped sources", Severity.WARNING, ExampleKind.RAW_SOURCE,
            "Sessions whose raw source no mapping knows, kept as its own source with channel unknown; add it to "
                    + "source_map. Count: the sessions; examples: the raw sources."),
    UNKNOWN_CONTACT_SOURCES("Contacts with unknown source", Severity.INFO, ExampleKind.CONTACT_ID,
            "Contacts whose source is blank or mapped to unknown ((not set), Unassigned)."),
    UNKNOWN_SESSION_SOURCES("Sessions with unknown source", Severity.INFO, ExampleKind.SESSION_ID,
            "Sessions whose source is blank or mapped to unknown ((not set), Unassigned)."),
    CONTACT_GAPS("Weeks without contacts", Severity.WARNING, ExampleKind.WEEK,
            "Weeks in which no contact was created although contacts were created before and after: a load may be "
                    + "missing."),
    SESSION_GAPS("Weeks without sessions", Severity.WARNING, ExampleKind.WEEK,
            "Weeks without sessions although there are sessions before and after: a load may be missing."),
    DEAL_GAPS("Weeks without deals", Severity.WARNING, ExampleKind.WEEK,
            "Weeks in which no deal closed although deals closed before and after: a load may be missing, or a "
                    + "quiet week."),
    SPEND_GAPS("Weeks without spend", Severity.WARNING, ExampleKind.WEEK,
            "Weeks without spend although there is spend before and after: a load may be missing, or a paused budget.");

    private final String title;
    private final Severity severity;
    private final ExampleKind exampleKind;
    private final String description;

    QualityCheck(String title, Severity severity, ExampleKind exampleKind, String description) {
        this.title = title;
        this.severity = severity;
        this.exampleKind = exampleKind;
        this.description = description;
    }

    /** A short name for lists: "MQLs with role addresses". */
    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    /** What the examples are: contact ids, minutes, raw sources, ... */
    public ExampleKind exampleKind() {
        return exampleKind;
    }

    /** What the check finds and why it matters, in a sentence or two. */
    public String description() {
        return description;
    }
}

package io.funnelql.queries.funnel;

import java.util.List;
import java.util.stream.Collectors;

import io.funnelql.queries.engine.Parameters;

/**
 * Role addresses: email addresses of a function rather than a person ({@code info@}, {@code sales@}), which
 * forms and list imports bring in as contacts but which rarely become customers. A funnel asked to exclude them
 * (an "MQLs excluding role addresses" KPI) leaves out every contact whose email's local part, the text before
 * the {@code @}, is one of {@link #LOCAL_PARTS}, compared without regard to case and surrounding spaces. A
 * contact without an email, or with one that has no {@code @}, is kept.
 */
public final class RoleAddresses {

    /** The local parts of role addresses, lower case. docs/kpi-board.md lists them too. */
    public static final List<String> LOCAL_PARTS = List.of("info", "sales", "support", "admin", "administrator",
            "contact", "hello", "marketing", "noreply", "no-reply", "donotreply", "do-not-reply", "office", "team",
            "help", "billing", "accounts", "accounting", "enquiries", "inquiries", "webmaster", "postmaster", "hr",
            "jobs", "careers", "press", "media", "newsletter", "mail", "service", "feedback");

    private RoleAddresses() {
    }

    /**
     * {@code AND NOT (<email> is a role address)}, with the local parts bound as parameters.
     *
     * @param email the email column (SQL written by the caller)
     */
    static String excluded(Parameters parameters, String email) {
        return " AND NOT coalesce(" + email + " LIKE '%@%' AND lower(trim(split_part(" + email + ", '@', 1))) IN ("
                + LOCAL_PARTS.stream().map(parameters::add).collect(Collectors.joining(", ")) + "), false)";
    }
}

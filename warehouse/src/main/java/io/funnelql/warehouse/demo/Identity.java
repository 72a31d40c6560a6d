package io.funnelql.warehouse.demo;

import java.util.List;

/**
 * Who the contacts are: people at companies, with work emails, a few role addresses (info@) and a few
 * free-mail addresses (gmail.com) whose company is often unknown.
 *
 * <p>Company names are built from word lists ({@code Northbridge Analytics}); 10,000 names
 * exist, so a warehouse with more companies than that repeats names, as the real world does, but
 * every company has its own domain.
 */
final class Identity {

    /** Contacts per company on average: several people from one account fill in forms. */
    static final long CONTACTS_PER_COMPANY = 3;
    /** Share of contacts with a role address (info@, sales@...). */
    static final double ROLE_ADDRESS_SHARE = 0.03;
    /** Share of contacts with a free-mail address. */
    static final double FREE_MAIL_SHARE = 0.04;
    /** Share of free-mail contacts with no company. */
    static final double FREE_MAIL_WITHOUT_COMPANY = 0.60;

    static final List<String> PREFIXES = List.of("North", "Blue", "Bright", "Clear", "Cloud", "Data", "Deep", "Fast",
            "Green", "High", "Iron", "Lake", "Lumen", "Metro", "Nova", "Open", "Peak", "Pine", "Prime", "Quant", "Red",
            "River", "Rock", "Sage", "Silver", "Sky", "Smart", "Solid", "Stone", "Summit", "Sun", "Swift", "True",
            "Vertex", "Wave", "West", "Wild", "Zen", "Apex", "Arc");
    static final List<String> CORES = List.of("bridge", "field", "flow", "forge", "gate", "grid", "hub", "layer",
            "leaf", "line", "loop", "mark", "mind", "path", "point", "scale", "shift", "signal", "sphere", "stack",
            "stream", "tide", "works", "yard", "labs");
    static final List<String> KINDS = List.of("Analytics", "Systems", "Software", "Technologies", "Labs",
            "Solutions", "Health", "Logistics", "Security", "Robotics");
    /** Company names the lists can build; company numbers beyond it reuse names with a numbered domain. */
    static final int DISTINCT_NAMES = PREFIXES.size() * CORES.size() * KINDS.size();
    static final List<String> TOP_LEVEL_DOMAINS = List.of(".com", ".io", ".com", ".ai", ".co");
    static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Carla", "David", "Elena", "Felix", "Grace",
            "Hugo", "Ines", "Jonas", "Kara", "Liam", "Maya", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sam", "Tara",
            "Umar", "Vera", "Will", "Xenia", "Yusuf", "Zoe", "Priya", "Mateo", "Aiko", "Lena");
    static final List<String> LAST_NAMES = List.of("Smith", "Garcia", "Muller", "Rossi", "Dubois", "Kowalski",
            "Jensen", "Silva", "Novak", "Tanaka", "Patel", "Kim", "Nguyen", "Cohen", "Brown", "Schmidt", "Lopez",
            "Berg", "Larsen", "Costa", "Ward", "Fischer", "Moreau", "Sato", "Khan", "Ivanova", "Walsh", "Romero",
            "Becker", "Okafor");
    static final List<String> ROLE_NAMES = List.of("info", "sales", "marketing", "hello", "contact");
    static final List<String> FREE_MAIL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com");

    /**
     * The CTE {@code identity} over {@code contacts_ready} (which has {@code ci}): the contact's
     * {@code email} and {@code company}.
     */
    static final String CTE = """
            identity AS (
                SELECT ci,
                       CASE WHEN mail_kind = 'free' AND rnd(ci, 'no-company') < ${free_mail_without_company} THEN NULL
                            ELSE ${prefixes}[1 + company_no % ${prefix_count}]
                                 || ${cores}[1 + (company_no // ${prefix_count}) % ${core_count}]
                                 || ' ' || ${kinds}[1 + (company_no // (${prefix_count} * ${core_count})) % ${kind_count}] END AS company,
                       CASE mail_kind
                            WHEN 'role' THEN ${role_names}[1 + CAST(floor(rnd(ci, 'role-name') * ${role_count}) AS INTEGER)] || '@' || domain
                            WHEN 'free' THEN lower(first_name) || '.' || lower(last_name)
                                 || CAST(10 + CAST(floor(rnd(ci, 'free-number') * 90) AS INTEGER) AS VARCHAR)
                                 || '@' || ${free_mail_domains}[1 + CAST(floor(rnd(ci, 'free-domain') * ${free_mail_count}) AS INTEGER)]
                            ELSE CASE WHEN rnd(ci, 'email-style') < 0.3 THEN lower(first_name[1]) ELSE lower(first_name) || '.' END
                                 || lower(last_name) || '@' || domain END AS email
                FROM (
                    SELECT ci, company_no,
                           ${first_names}[1 + CAST(floor(rnd(ci, 'first-name') * ${first_name_count}) AS INTEGER)] AS first_name,
                           ${last_names}[1 + CAST(floor(rnd(ci, 'last-name') * ${last_name_count}) AS INTEGER)] AS last_name,
                           CASE WHEN rnd(ci, 'mail-kind') < ${role_share} THEN 'role'
                                WHEN rnd(ci, 'mail-kind') < ${role_share} + ${free_share} THEN 'free'
                                ELSE 'work' END AS mail_kind,
                           lower(${prefixes}[1 + company_no % ${prefix_count}] || ${cores}[1 + (company_no // ${prefix_count}) % ${core_count}])
                           || CASE WHEN company_no >= ${distinct_names} THEN CAST(company_no // ${distinct_names} AS VARCHAR) ELSE '' END
                           || ${top_level_domains}[1 + CAST(floor(rnd(company_no, 'domain') * ${top_level_domain_count}) AS INTEGER)] AS domain
                    FROM (SELECT ci, CAST(floor(rnd(ci, 'company') * ${companies}) AS BIGINT) AS company_no FROM contacts_ready)
                )
            )""";

    private Identity() {
    }

    static SqlTemplate fill(SqlTemplate template, long contacts) {
        return template
                .withFragment("identity", CTE)
                .with("companies", Math.max(1, contacts / CONTACTS_PER_COMPANY))
                .with("distinct_names", DISTINCT_NAMES)
                .with("prefix_count", PREFIXES.size())
                .with("core_count", CORES.size())
                .with("kind_count", KINDS.size())
                .with("role_count", ROLE_NAMES.size())
                .with("free_mail_count", FREE_MAIL_DOMAINS.size())
                .with("first_name_count", FIRST_NAMES.size())
                .with("last_name_count", LAST_NAMES.size())
                .with("top_level_domain_count", TOP_LEVEL_DOMAINS.size())
                .with("role_share", ROLE_ADDRESS_SHARE)
                .with("free_share", FREE_MAIL_SHARE)
                .with("free_mail_without_company", FREE_MAIL_WITHOUT_COMPANY)
                .withFragment("prefixes", SqlTemplate.texts(PREFIXES))
                .withFragment("cores", SqlTemplate.texts(CORES))
                .withFragment("kinds", SqlTemplate.texts(KINDS))
                .withFragment("top_level_domains", SqlTemplate.texts(TOP_LEVEL_DOMAINS))
                .withFragment("first_names", SqlTemplate.texts(FIRST_NAMES))
                .withFragment("last_names", SqlTemplate.texts(LAST_NAMES))
                .withFragment("role_names", SqlTemplate.texts(ROLE_NAMES))
                .withFragment("free_mail_domains", SqlTemplate.texts(FREE_MAIL_DOMAINS));
    }
}

package io.funnelql.queries.funnel;

import java.util.Arrays;
import java.util.List;

import io.funnelql.queries.targets.MetricNames;

/**
 * The lifecycle stages in funnel order, preceded by the contact's creation.
 */
public enum Stage {
    CREATED("created_at", MetricNames.CONTACTS),
    SUBSCRIBER("subscriber_at", MetricNames.SUBSCRIBERS),
    LEAD("lead_at", MetricNames.LEADS),
    MQL("mql_at", MetricNames.MQLS),
    SQL("sql_at", MetricNames.SQLS),
    OPPORTUNITY("opportunity_at", MetricNames.OPPORTUNITIES),
    CUSTOMER("customer_at", MetricNames.CUSTOMERS),
    EVANGELIST("evangelist_at", MetricNames.EVANGELISTS);

    private final String column;
    private final String metric;

    Stage(String column, String metric) {
        this.column = column;
        this.metric = metric;
    }

    /**
     * The catalog metric that counts the stage's entries in a period ({@code mqls}); for CREATED, the contacts
     * created ({@code contacts}). Targets of that name apply to the stage.
     */
    public String metric() {
        return metric;
    }

    /** The contacts column holding the instant the stage was entered. */
    public String column() {
        return column;
    }

    /** This stage and every later one, in funnel order. */
    public List<Stage> andLater() {
        return Arrays.asList(values()).subList(ordinal(), values().length);
    }

    /** All stages in funnel order. */
    public static List<Stage> all() {
        return List.of(values());
    }
}

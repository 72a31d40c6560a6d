package io.funnelql.queries.funnel;

import java.util.Arrays;
import java.util.List;

/**
 * The lifecycle stages in funnel order, preceded by the contact's creation.
 */
public enum Stage {
    CREATED("created_at"),
    SUBSCRIBER("subscriber_at"),
    LEAD("lead_at"),
    MQL("mql_at"),
    SQL("sql_at"),
    OPPORTUNITY("opportunity_at"),
    CUSTOMER("customer_at"),
    EVANGELIST("evangelist_at");

    private final String column;

    Stage(String column) {
        this.column = column;
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

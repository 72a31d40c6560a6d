package io.funnelql.queries.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Values bound to a statement, collected while its SQL is written: {@link #add} returns the placeholder
 * to write, so SQL text and values cannot drift apart.
 */
public final class Parameters {

    private final Dialect dialect;
    private final List<Object> values = new ArrayList<>();

    public Parameters(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Binds a value and returns its placeholder. */
    public String add(Object value) {
        values.add(value);
        return dialect.parameter(values.size());
    }

    /** Binds every value to the statement, in order. */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    public List<Object> values() {
        return List.copyOf(values);
    }
}

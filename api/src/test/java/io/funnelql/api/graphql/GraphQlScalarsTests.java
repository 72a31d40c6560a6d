package io.funnelql.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import org.junit.jupiter.api.Test;

class GraphQlScalarsTests {

    final Coercing<?, ?> date = GraphQlScalars.DATE.getCoercing();
    final GraphQLContext context = GraphQLContext.getDefault();

    @Test
    void aDateIsReadAsWritten() {
        assertThat(date.parseValue("2024-02-29", context, Locale.ROOT)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(date.parseLiteral(new StringValue("2024-06-01"), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @Test
    void aDateThatDoesNotExistIsRefusedRatherThanMovedToTheMonthsEnd() {
        assertThatThrownBy(() -> date.parseValue("2023-02-29", context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .hasMessage("'2023-02-29' is not a calendar date; write one such as 2024-06-01");
        assertThatThrownBy(() -> date.parseLiteral(new StringValue("2024-04-31"), CoercedVariables.emptyVariables(), context,
                Locale.ROOT)).isInstanceOf(CoercingParseLiteralException.class)
                .hasMessage("'2024-04-31' is not a calendar date; write one such as 2024-06-01");
    }
}

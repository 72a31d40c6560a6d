package io.funnelql.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ServeCommandTests {

    ServeCommand parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    @Test
    void turnsItsOptionsIntoFunnelqlPropertiesAndPassesSpringArgumentsThrough() {
        ServeCommand serve = parse("--db", "data/acme.duckdb", "--demo", "--server.port=8081", "--funnelql.time-zone=Europe/Berlin");

        assertThat(serve.springArguments()).containsExactly("--funnelql.database=data/acme.duckdb", "--funnelql.demo=true",
                "--server.port=8081", "--funnelql.time-zone=Europe/Berlin");
    }

    @Test
    void withoutOptionsStartsSpringWithNoArguments() {
        assertThat(parse().springArguments()).isEmpty();
    }

    @Test
    void refusesAnArgumentThatIsNotASpringProperty() {
        ServeCommand serve = parse("8081");

        assertThatThrownBy(serve::springArguments).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Unknown argument '8081'").hasMessageContaining("--server.port=8081");
    }
}

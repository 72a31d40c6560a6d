package io.funnelql.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Where a server listens unless told: 127.0.0.1 with API keys off, every address with them on. */
class LoopbackAddressTests {

    static MockEnvironment environment(Map<String, Object> properties) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        new LoopbackAddress().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void withKeysOffTheServerListensOnTheLoopbackAddressOnly() {
        assertThat(environment(Map.of()).getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment(Map.of("funnelql.security.enabled", "false")).getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void anAddressGivenByTheUserWins() {
        assertThat(environment(Map.of("server.address", "0.0.0.0")).getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void withKeysOnTheServerListensWhereSpringBootDoes() {
        assertThat(environment(Map.of("funnelql.security.enabled", "true")).getProperty("server.address")).isNull();
    }

    @Test
    void knowsTheLoopbackAddresses() {
        assertThat(LoopbackAddress.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoopbackAddress.isLoopback("localhost")).isTrue();
        assertThat(LoopbackAddress.isLoopback("::1")).isTrue();
        assertThat(LoopbackAddress.isLoopback("0.0.0.0")).isFalse();
        assertThat(LoopbackAddress.isLoopback("10.0.0.7")).isFalse();
    }
}

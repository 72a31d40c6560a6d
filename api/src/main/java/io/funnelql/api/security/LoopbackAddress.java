package io.funnelql.api.security;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With API keys off, makes the server listen on {@value #ADDRESS} unless {@code server.address} is set: a server
 * that checks nothing is for its own machine until someone says otherwise ({@code --server.address=0.0.0.0}).
 * Runs after the configuration files are read, and adds the address with the lowest precedence of all.
 */
public final class LoopbackAddress implements EnvironmentPostProcessor, Ordered {

    /** Where a server without keys listens unless told otherwise. */
    public static final String ADDRESS = "127.0.0.1";

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(FunnelqlSecurityProperties.ENABLED, Boolean.class, false)) {
            environment.getPropertySources().addLast(new MapPropertySource("funnelqlLoopbackAddress",
                    Map.of("server.address", ADDRESS)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static boolean isLoopback(String address) {
        return LOOPBACK.contains(address.strip()) || address.strip().startsWith("127.");
    }
}

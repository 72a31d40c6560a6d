package io.funnelql.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The FunnelQL server: GraphQL at {@code /graphql}, GraphiQL at {@code /graphiql}, loads at
 * {@code /api/loads}. The jar starts it through {@code serve} ({@link FunnelqlMain}); this class's own
 * {@code main} starts it directly, for IDEs.
 */
// API keys are FunnelQL's own (io.funnelql.api.security); Spring Boot's generated user would be a second way in.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class FunnelqlApplication {

    /** Starts the server with Spring-style arguments ({@code --server.port=8081}). */
    public static void main(String[] args) {
        SpringApplication.run(FunnelqlApplication.class, args);
    }
}

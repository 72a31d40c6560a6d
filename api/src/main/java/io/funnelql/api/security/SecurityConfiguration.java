package io.funnelql.api.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.workspace.Workspaces;

/**
 * The filter chain. With {@code funnelql.security.enabled}: an API key ({@link ApiKeyFilter}) is needed for every
 * request but health checks and static pages; loads need role {@code load}, keys, backups and the other
 * actuator endpoints {@code admin}, everything else {@code read}; a missing or wrong key is answered 401, a key whose
 * role is too low 403. Without: nothing is checked and requests may pick their workspace by header
 * ({@link WorkspaceHeaderFilter}). Either way request bodies are bounded ({@link RequestSizeFilter}), a wildcard
 * {@code Content-Type} is refused ({@link ContentTypeFilter}), and there are no sessions, cookies or CSRF tokens:
 * every request carries its key.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    ApiKeyRegistry apiKeyRegistry(Workspaces workspaces) {
        return new ApiKeyRegistry(workspaces);
    }

    /** Each role includes the ones below it. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("LOAD").role("LOAD").implies("READ").build();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain filterChain(HttpSecurity http, FunnelqlSecurityProperties security, FunnelqlProperties properties,
                                    ApiKeyRegistry keys, Workspaces workspaces, Environment environment) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ApiKeyFilter.unauthorized(response,
                                "This request needs an API key: send the header Authorization: Bearer <key>."))
                        .accessDeniedHandler((request, response, e) -> JsonErrors.write(response, HttpStatus.FORBIDDEN,
                                "This key's role does not allow this request: loads need role load, keys and backups "
                                        + "need role admin, everything else role read.")))
                .addFilterAfter(new RequestSizeFilter(properties.maxUploadSize(), properties.maxRequestSize()),
                        AuthorizationFilter.class)
                .addFilterAfter(new ContentTypeFilter(), AuthorizationFilter.class);
        if (!security.enabled()) {
            announceOpen(environment);
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .addFilterBefore(new WorkspaceHeaderFilter(workspaces), AuthorizationFilter.class)
                    .build();
        }
        if (properties.demo()) {
            throw new IllegalStateException("funnelql.demo and funnelql.security.enabled cannot go together: the demo "
                    + "warehouse is new on every start and holds no API keys, so every request would be refused");
        }
        log.info("API keys are on: every request but health checks and static pages needs Authorization: Bearer <key> "
                + "({} working keys over the workspaces {})", keys.size(), workspaces.names());
        return http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/graphiql", "/graphiql/**").permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/loads/**").hasRole("LOAD")
                        .requestMatchers("/api/keys", "/api/keys/**", "/api/backup", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().hasRole("READ"))
                .addFilterBefore(new ApiKeyFilter(keys), AuthorizationFilter.class)
                .build();
    }

    /** Says at start-up that nothing is checked, and whom that exposes. */
    private static void announceOpen(Environment environment) {
        String address = environment.getProperty("server.address", "0.0.0.0");
        if (LoopbackAddress.isLoopback(address)) {
            log.info("API keys are off (funnelql.security.enabled=false): the server listens on {} only, so only this "
                    + "machine can reach it. To serve others, turn keys on and create them (docs/operations.md).", address);
        } else {
            log.warn("API keys are off (funnelql.security.enabled=false) and the server listens on {}: anyone who can "
                    + "reach it can read and load every workspace's data. Turn keys on (docs/operations.md).", address);
        }
    }
}

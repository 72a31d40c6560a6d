package io.funnelql.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code funnelql.security.*} properties.
 *
 * @param enabled every request but health checks and static pages needs {@code Authorization: Bearer <key>};
 *        when false, nothing is checked and the server listens on 127.0.0.1 unless {@code server.address} says
 *        otherwise
 */
@ConfigurationProperties("funnelql.security")
public record FunnelqlSecurityProperties(@DefaultValue("false") boolean enabled) {

    /** The property that turns keys on. */
    public static final String ENABLED = "funnelql.security.enabled";
}

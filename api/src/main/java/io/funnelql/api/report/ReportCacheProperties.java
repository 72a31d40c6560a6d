package io.funnelql.api.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The result cache's settings ({@code funnelql.cache.*}).
 *
 * @param enabled cache report answers (a request can still ask for a fresh answer with {@code Cache-Control: no-cache})
 * @param maxSizeMb the most memory, roughly, that cached answers may take
 */
@ConfigurationProperties("funnelql.cache")
public record ReportCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("256") int maxSizeMb) {
}

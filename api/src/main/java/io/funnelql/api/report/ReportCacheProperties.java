package io.funnelql.api.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The result cache's settings ({@code funnelql.cache.*}).
 *
 * @param enabled cache report answers (a request can still ask for a fresh answer with {@code Cache-Control: no-cache})
 * @param maxSizeMb the most memory, roughly, that cached answers may take
 * @param responsesMaxSizeMb the most memory, roughly, that cached GraphQL responses (their JSON) may take
 */
@ConfigurationProperties("funnelql.cache")
public record ReportCacheProperties(boolean enabled, int maxSizeMb, int responsesMaxSizeMb) {

    @ConstructorBinding
    public ReportCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("256") int maxSizeMb,
                                 @DefaultValue("64") int responsesMaxSizeMb) {
        this.enabled = enabled;
        this.maxSizeMb = maxSizeMb;
        this.responsesMaxSizeMb = responsesMaxSizeMb;
    }

    /** Settings with the response cache's default size. */
    public ReportCacheProperties(boolean enabled, int maxSizeMb) {
        this(enabled, maxSizeMb, 64);
    }
}

package io.funnelql.api.kpi;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.funnelql.queries.kpi.KpiBoardSettings;
import io.funnelql.queries.kpi.SignalPair;
import io.funnelql.queries.report.Grain;

/**
 * The KPI board every workspace shows unless a query says otherwise ({@code funnelql.kpi-board.*});
 * docs/configuration.md describes each property and docs/kpi-board.md the board.
 *
 * @param grain the cadence: the last complete period of this grain against the one before
 * @param northStar the North Star KPI's id
 * @param kpis the KPIs' ids, at most 10
 * @param periods how many periods the series and signals look back over (2 to 52)
 * @param signalThreshold the trend (share of the mean per period) both KPIs of a pair must pass, in opposite directions
 * @param signals the leading and lagging KPI pairs watched for signals; {@code null}: sessions with the
 *        visitor-to-contact rate, MQLs with the MQL-to-SQL rate
 */
@ConfigurationProperties("funnelql.kpi-board")
public record KpiBoardProperties(@DefaultValue("WEEK") Grain grain, @DefaultValue("customers") String northStar,
                                 @DefaultValue({"mqls", "lifecycle_funnel", "sessions", "won_revenue", "cost_per_lead", "cac"})
                                 List<String> kpis,
                                 @DefaultValue("4") int periods, @DefaultValue("0.05") double signalThreshold,
                                 @Nullable List<Pair> signals) {

    /** A signal pair: {@code leading} and {@code lagging} KPI ids. */
    public record Pair(String leading, String lagging) {
    }

    public KpiBoardProperties {
        try {
            settings(grain, northStar, kpis, periods, signalThreshold, signals);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Without the cause, so that the start-up failure's root cause names the property.
            throw new IllegalArgumentException("funnelql.kpi-board: " + e.getMessage());
        }
    }

    /** The board these properties describe. */
    public KpiBoardSettings settings() {
        return settings(grain, northStar, kpis, periods, signalThreshold, signals);
    }

    private static KpiBoardSettings settings(Grain grain, String northStar, List<String> kpis, int periods, double threshold,
                                             @Nullable List<Pair> signals) {
        List<SignalPair> pairs = signals == null ? KpiBoardSettings.defaults().signals()
                : signals.stream().map(pair -> new SignalPair(pair.leading(), pair.lagging())).toList();
        return new KpiBoardSettings(grain, northStar.strip(), kpis.stream().map(String::strip).toList(), periods, threshold, pairs);
    }
}

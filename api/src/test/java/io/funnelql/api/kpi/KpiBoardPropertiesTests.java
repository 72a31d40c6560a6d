package io.funnelql.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.funnelql.queries.kpi.KpiBoardSettings;
import io.funnelql.queries.kpi.SignalPair;
import io.funnelql.queries.report.Grain;

/** {@code funnelql.kpi-board.*}: the defaults are the default board, every property binds, bad values stop the start. */
class KpiBoardPropertiesTests {

    static KpiBoardProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("funnelql.kpi-board", KpiBoardProperties.class);
    }

    @Test
    void defaultsToTheDefaultBoard() {
        assertThat(bind(Map.of()).settings()).isEqualTo(KpiBoardSettings.defaults());
    }

    @Test
    void bindsEveryProperty() {
        KpiBoardSettings settings = bind(Map.of("funnelql.kpi-board.grain", "month", "funnelql.kpi-board.north-star", "won_revenue",
                "funnelql.kpi-board.kpis", "sessions, webinar_attendees", "funnelql.kpi-board.periods", "6",
                "funnelql.kpi-board.signal-threshold", "0.1", "funnelql.kpi-board.signals[0].leading", "sessions",
                "funnelql.kpi-board.signals[0].lagging", "contact_to_lead_rate")).settings();

        assertThat(settings).isEqualTo(new KpiBoardSettings(Grain.MONTH, "won_revenue", java.util.List.of("sessions", "webinar_attendees"),
                6, 0.1, java.util.List.of(new SignalPair("sessions", "contact_to_lead_rate"))));
    }

    @Test
    void refusesMoreThanTenKpisAndTooFewPeriods() {
        assertThatThrownBy(() -> bind(Map.of("funnelql.kpi-board.kpis", "a,b,c,d,e,f,g,h,i,j,k")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("funnelql.kpi-board: A KPI board shows at most 10 KPIs besides its North Star; 11 are configured");
        assertThatThrownBy(() -> bind(Map.of("funnelql.kpi-board.periods", "1")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("2 to 52 periods");
    }
}

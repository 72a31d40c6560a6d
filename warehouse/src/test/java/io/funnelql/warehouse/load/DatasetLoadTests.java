package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static io.funnelql.warehouse.load.LoadFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;

/** Each dataset loads with every column stored as its type, defaults applied and values spelled canonically. */
class DatasetLoadTests {

    @TempDir
    Path dir;

    Warehouse warehouse;
    Loader loader;

    @BeforeEach
    void open() {
        warehouse = TestWarehouses.inMemory();
        loader = new Loader(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void contactWithEveryColumnStoresInstantsAndNormalisedSource() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "contacts.csv", """
                contact_id,created_at,source,source_detail,email,company,lifecycle_stage,subscriber_at,lead_at,mql_at,sql_at,opportunity_at,customer_at,evangelist_at,updated_at
                c1, 2024-06-03 ,Organic Search,google,ana@acme.test,Acme,customer,2024-06-03 10:00,2024-06-04,2024-06-10,2024-06-20,2024-07-01,2024-08-01,,2024-08-02T12:00:00Z
                """)));

        assertThat(rows(warehouse, """
                SELECT contact_id, CAST(created_at AS VARCHAR), source_raw, source, channel, source_detail, email, company,
                       lifecycle_stage, CAST(subscriber_at AS VARCHAR), CAST(customer_at AS VARCHAR), evangelist_at,
                       CAST(updated_at AS VARCHAR), typeof(created_at)
                FROM contacts""")).containsExactly(
                "c1|2024-06-03 00:00:00+00|Organic Search|organic_search|inbound|google|ana@acme.test|Acme|customer"
                        + "|2024-06-03 10:00:00+00|2024-08-01 00:00:00+00|null|2024-08-02 12:00:00+00|TIMESTAMP WITH TIME ZONE");
    }

    @Test
    void sessionsStoreCountsBooleansAndChannel() throws IOException {
        loader.load(LoadRequest.of(Dataset.SESSIONS, text(dir, "sessions.csv", """
                session_id,started_at,source,visitor_id,contact_id,landing_page,pageviews,duration_seconds,bounced
                s1,2024-06-03 09:00,Organic Search,v1,c1,/pricing,3,125,no
                s2,2024-06-03 10:30,Direct,v2,,/,1,0,yes
                s3,2024-06-04 11:00,,v3,,/blog,2,40,false
                """)));

        assertThat(rows(warehouse, """
                SELECT session_id, CAST(started_at AS VARCHAR), source, channel, visitor_id, contact_id, landing_page,
                       pageviews, duration_seconds, bounced, typeof(pageviews), typeof(bounced)
                FROM sessions ORDER BY session_id""")).containsExactly(
                "s1|2024-06-03 09:00:00+00|organic_search|inbound|v1|c1|/pricing|3|125|false|INTEGER|BOOLEAN",
                "s2|2024-06-03 10:30:00+00|direct|inbound|v2|null|/|1|0|true|INTEGER|BOOLEAN",
                "s3|2024-06-04 11:00:00+00|unknown|unknown|v3|null|/blog|2|40|false|INTEGER|BOOLEAN");
    }

    @Test
    void dealsDefaultToWonAndSpellStatusAndTypeCanonically() throws IOException {
        loader.load(LoadRequest.of(Dataset.DEALS, text(dir, "deals.csv", """
                deal_id,amount,closed_at,contact_id,status,currency,type,mrr,churned_at
                d1,1200.5,2024-06-30,c1,,EUR,new,100,
                d2,300,2024-07-15,c2,LOST,,Expansion,,
                d3,0,2024-07-20,,Open,USD,renewal,25.25,2025-01-31
                """)));

        assertThat(rows(warehouse, """
                SELECT deal_id, amount, CAST(closed_at AS VARCHAR), contact_id, status, currency, type, mrr,
                       CAST(churned_at AS VARCHAR), typeof(amount)
                FROM deals ORDER BY deal_id""")).containsExactly(
                "d1|1200.50|2024-06-30 00:00:00+00|c1|won|EUR|new|100.00|null|DECIMAL(18,2)",
                "d2|300.00|2024-07-15 00:00:00+00|c2|lost|null|expansion|null|null|DECIMAL(18,2)",
                "d3|0.00|2024-07-20 00:00:00+00|null|open|USD|renewal|25.25|2025-01-31 00:00:00+00|DECIMAL(18,2)");
    }

    @Test
    void spendIsKeyedByDateSourceAndCampaign() throws IOException {
        loader.load(LoadRequest.of(Dataset.SPEND, text(dir, "spend.csv", """
                date,source,amount,campaign,currency
                2024-06-01,Paid Search,250.00,Brand,USD
                2024-06-01,PAID_SOCIAL,99.9,,
                2024-06-02,Podcast Ads,10,Spring,USD
                """)));

        assertThat(rows(warehouse, """
                SELECT record_key, CAST(date AS VARCHAR), source_raw, source, channel, amount, campaign, currency, typeof(date)
                FROM spend ORDER BY record_key""")).containsExactly(
                "2024-06-01|paid search|brand|2024-06-01|Paid Search|paid_search|inbound|250.00|Brand|USD|DATE",
                "2024-06-01|paid_social||2024-06-01|PAID_SOCIAL|paid_social|inbound|99.90|null|null|DATE",
                "2024-06-02|podcast ads|spring|2024-06-02|Podcast Ads|Podcast Ads|unknown|10.00|Spring|USD|DATE");
    }

    @Test
    void targetsSpellGrainInCapitalsAndKeepBlankSourceAsAllSources() throws IOException {
        loader.load(LoadRequest.of(Dataset.TARGETS, text(dir, "targets.csv", """
                metric,period_start,grain,value,source
                mql,2024-07-01,month,120,
                SQL,2024-07-01,Quarter,40.5,Organic Search
                """)));

        assertThat(rows(warehouse, """
                SELECT record_key, metric, CAST(period_start AS VARCHAR), grain, value, source_raw, source
                FROM targets ORDER BY record_key""")).containsExactly(
                "mql|2024-07-01|MONTH||mql|2024-07-01|MONTH|120.0|null|null",
                "sql|2024-07-01|QUARTER|organic search|SQL|2024-07-01|QUARTER|40.5|Organic Search|organic_search");
    }

    @Test
    void metricValuesAreKeyedByMetricDateAndSource() throws IOException {
        loader.load(LoadRequest.of(Dataset.METRIC_VALUES, text(dir, "metric_values.csv", """
                metric,date,value,source,note
                keyword_rankings_top10,2024-06-03,42,,weekly check
                webinar_attendees,2024-06-05,130,events,June webinar
                """)));

        assertThat(rows(warehouse, """
                SELECT record_key, metric, CAST(date AS VARCHAR), value, source, note, typeof(value)
                FROM metric_values ORDER BY record_key""")).containsExactly(
                "keyword_rankings_top10|2024-06-03||keyword_rankings_top10|2024-06-03|42.0|null|weekly check|DOUBLE",
                "webinar_attendees|2024-06-05|events|webinar_attendees|2024-06-05|130.0|events|June webinar|DOUBLE");
    }

    @Test
    void sourceMapIsKeyedByLowerCaseRawSource() throws IOException {
        loader.load(LoadRequest.of(Dataset.SOURCE_MAP, text(dir, "source_map.csv", """
                raw_source,source,channel
                Newsletter,email,
                Partner Event,events,OUTBOUND
                """)));

        assertThat(rows(warehouse, "SELECT record_key, raw_source, source, channel FROM source_map ORDER BY record_key"))
                .containsExactly("newsletter|Newsletter|email|null", "partner event|Partner Event|events|outbound");
        assertThat(rows(warehouse, "SELECT raw_key, source, channel FROM source_lookup WHERE raw_key IN ('newsletter', 'partner event') ORDER BY 1"))
                .containsExactly("newsletter|email|inbound", "partner event|events|outbound");
    }
}

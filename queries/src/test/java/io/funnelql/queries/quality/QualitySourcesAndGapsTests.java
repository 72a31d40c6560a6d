package io.funnelql.queries.quality;

import static io.funnelql.queries.quality.QualityFixtures.JUNE;
import static io.funnelql.queries.quality.QualityFixtures.nothingElse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * The source and gap checks, each on a fixture built to trigger it. June 2024 in UTC, weeks from Monday: May 27,
 * June 3, 10, 17 and 24 overlap the range.
 */
class QualitySourcesAndGapsTests {

    Warehouse warehouse;
    QualityService quality;

    @BeforeEach
    void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        quality = QualityFixtures.service(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void findsContactsWithUnmappedAndUnknownSources() {
        // Unmapped: u1 and u2 "Webinar" (the second with spaces, trimmed), u3 "Partner portal". Mapped: u4 a HubSpot
        // source, u5 a canonical id, u8 a GA4 channel group. Unknown: u6 blank, u7 "(not set)". u9 is unmapped but
        // created in May, before the range.
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,email
                u1,2024-06-03,Webinar,a@acme.com
                u2,2024-06-04,  Webinar  ,b@acme.com
                u3,2024-06-05,Partner portal,c@acme.com
                u4,2024-06-05,PAID_SEARCH,d@acme.com
                u5,2024-06-06,organic_search,e@acme.com
                u6,2024-06-06,,f@acme.com
                u7,2024-06-07,(not set),g@acme.com
                u8,2024-06-07,Paid Social,h@acme.com
                u9,2024-05-29,Webinar,i@acme.com
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        // Three contacts; the raw sources by how many contacts carry them.
        assertThat(report.check(QualityCheck.UNMAPPED_CONTACT_SOURCES).count()).isEqualTo(3);
        assertThat(report.check(QualityCheck.UNMAPPED_CONTACT_SOURCES).examples()).containsExactly("Webinar", "Partner portal");
        assertThat(report.check(QualityCheck.UNKNOWN_CONTACT_SOURCES).count()).isEqualTo(2);
        assertThat(report.check(QualityCheck.UNKNOWN_CONTACT_SOURCES).examples()).containsExactly("u6", "u7");
        nothingElse(report, QualityCheck.UNMAPPED_CONTACT_SOURCES, QualityCheck.UNKNOWN_CONTACT_SOURCES);

        // Mapping "Partner portal" leaves the two webinar contacts.
        Fixtures.load(warehouse, Dataset.SOURCE_MAP, "raw_source,source\nPartner portal,referral\n");
        CheckResult mapped = quality.run(QualityQuery.of(JUNE)).check(QualityCheck.UNMAPPED_CONTACT_SOURCES);
        assertThat(mapped.count()).isEqualTo(2);
        assertThat(mapped.examples()).containsExactly("Webinar");
    }

    @Test
    void findsSessionsWithUnmappedAndUnknownSources() {
        // Unmapped: s1 and s3 "tiktok-ads", s2 "Webinar". Mapped: s4. Unknown: s5 blank, s6 "Unassigned" (GA4).
        Fixtures.load(warehouse, Dataset.SESSIONS, """
                session_id,started_at,source
                s1,2024-06-03T10:00:00Z,tiktok-ads
                s2,2024-06-03T11:00:00Z,Webinar
                s3,2024-06-04T10:00:00Z,tiktok-ads
                s4,2024-06-05T10:00:00Z,Organic Search
                s5,2024-06-05T11:00:00Z,
                s6,2024-06-06T10:00:00Z,Unassigned
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        assertThat(report.check(QualityCheck.UNMAPPED_SESSION_SOURCES).count()).isEqualTo(3);
        assertThat(report.check(QualityCheck.UNMAPPED_SESSION_SOURCES).examples()).containsExactly("tiktok-ads", "Webinar");
        assertThat(report.check(QualityCheck.UNKNOWN_SESSION_SOURCES).count()).isEqualTo(2);
        assertThat(report.check(QualityCheck.UNKNOWN_SESSION_SOURCES).examples()).containsExactly("s5", "s6");
        nothingElse(report, QualityCheck.UNMAPPED_SESSION_SOURCES, QualityCheck.UNKNOWN_SESSION_SOURCES);
    }

    @Test
    void findsWeeksWithoutDataBetweenWeeksWithData() {
        // Contacts: Tue June 4, Wed June 19, and July 10 after the range. Week May 27 has no contact before it (not a
        // gap), June 3 and 17 have contacts: June 10 and June 24 are gaps (July 10 is after June 24's week).
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,email
                k1,2024-06-04,direct,a@acme.com
                k2,2024-06-19,direct,b@acme.com
                k3,2024-07-10,direct,c@acme.com
                """);
        // Sessions June 5, 12 and 26: June 17 is a gap.
        Fixtures.load(warehouse, Dataset.SESSIONS, """
                session_id,started_at,source
                s1,2024-06-05,direct
                s2,2024-06-12,direct
                s3,2024-06-26,direct
                """);
        // Deals closed in May and July only: every week of June, and May 27's, lies between them.
        Fixtures.load(warehouse, Dataset.DEALS, """
                deal_id,amount,closed_at,contact_id
                d1,100,2024-05-15,k1
                d2,100,2024-07-15,k1
                """);
        // Spend on Saturday June 1 (week May 27), Monday June 3 and Monday June 24: June 10 and 17 are gaps.
        Fixtures.load(warehouse, Dataset.SPEND, """
                date,source,amount
                2024-06-01,paid_search,10
                2024-06-03,paid_search,10
                2024-06-24,paid_search,10
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        assertThat(report.check(QualityCheck.CONTACT_GAPS).examples()).containsExactly("2024-06-10", "2024-06-24");
        assertThat(report.check(QualityCheck.CONTACT_GAPS).count()).isEqualTo(2);
        assertThat(report.check(QualityCheck.SESSION_GAPS).examples()).containsExactly("2024-06-17");
        assertThat(report.check(QualityCheck.DEAL_GAPS).examples())
                .containsExactly("2024-05-27", "2024-06-03", "2024-06-10", "2024-06-17", "2024-06-24");
        assertThat(report.check(QualityCheck.SPEND_GAPS).examples()).containsExactly("2024-06-10", "2024-06-17");
        nothingElse(report, QualityCheck.CONTACT_GAPS, QualityCheck.SESSION_GAPS, QualityCheck.DEAL_GAPS, QualityCheck.SPEND_GAPS);
    }

    @Test
    void gapsFollowTheWeekStartAndTimeZone() {
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,email
                k1,2024-06-04T12:00:00Z,direct,a@acme.com
                k2,2024-06-19T12:00:00Z,direct,b@acme.com
                k3,2024-07-10T12:00:00Z,direct,c@acme.com
                """);

        // Weeks from Sunday: May 26, June 2 (June 4), 9, 16 (June 19), 23 and 30 (it overlaps June 30): gaps June 9,
        // 23 and 30, all before July 10.
        QualityReport sundays = quality.run(QualityQuery.of(JUNE).withWeekStart(DayOfWeek.SUNDAY));
        assertThat(sundays.check(QualityCheck.CONTACT_GAPS).examples()).containsExactly("2024-06-09", "2024-06-23", "2024-06-30");
        assertThat(sundays.query().weekStart()).isEqualTo(DayOfWeek.SUNDAY);

        // In Auckland (UTC+12) k1 is created on Wednesday June 5 and k2 on Thursday June 20: the same Monday weeks.
        QualityReport auckland = quality.run(QualityQuery.of(JUNE).withTimeZone(ZoneId.of("Pacific/Auckland")));
        assertThat(auckland.check(QualityCheck.CONTACT_GAPS).examples()).containsExactly("2024-06-10", "2024-06-24");
        assertThat(auckland.query().timeZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
    }
}

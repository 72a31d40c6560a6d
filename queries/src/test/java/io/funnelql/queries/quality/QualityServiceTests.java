package io.funnelql.queries.quality;

import static io.funnelql.queries.quality.QualityFixtures.JUNE;
import static io.funnelql.queries.quality.QualityFixtures.nothingElse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.funnelql.queries.Fixtures;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * The contact and deal checks, each on a fixture built to trigger it, and a clean fixture that triggers none.
 * June 2024 in UTC; the expected counts and ids are worked out beside each fixture.
 */
class QualityServiceTests {

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
    void cleanDataTriggersNoCheck() {
        // One contact, session, deal and spend row in each of the five weeks (May 27 .. June 24), stages in order,
        // company addresses, mapped sources, every deal's contact known.
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,email,lead_at,mql_at,sql_at,customer_at
                k1,2024-05-28,ORGANIC_SEARCH,ann@acme.com,2024-05-28,2024-06-02,2024-06-04,2024-06-10
                k2,2024-06-03,PAID_SEARCH,bob@acme.com,2024-06-03,2024-06-05,,
                k3,2024-06-11,referral,cy@globex.com,2024-06-11,,,
                k4,2024-06-18,Organic Search,di@initech.com,,2024-06-18,2024-06-18,
                k5,2024-06-25,direct,ed@acme.com,,,,
                """);
        Fixtures.load(warehouse, Dataset.SESSIONS, """
                session_id,started_at,source
                s1,2024-05-29,organic_search
                s2,2024-06-04,Paid Search
                s3,2024-06-12,referral
                s4,2024-06-19,direct
                s5,2024-06-26,Organic Search
                """);
        Fixtures.load(warehouse, Dataset.DEALS, """
                deal_id,amount,closed_at,contact_id
                d1,100,2024-05-30,k1
                d2,100,2024-06-05,k1
                d3,100,2024-06-13,k2
                d4,100,2024-06-20,k4
                d5,100,2024-06-27,k3
                """);
        Fixtures.load(warehouse, Dataset.SPEND, """
                date,source,amount
                2024-05-27,paid_search,10
                2024-06-03,paid_search,10
                2024-06-10,paid_search,10
                2024-06-17,paid_search,10
                2024-06-24,paid_search,10
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        assertThat(report.checks()).hasSize(QualityCheck.values().length)
                .allSatisfy(check -> assertThat(check.count()).as(check.check().name()).isZero())
                .allSatisfy(check -> assertThat(check.examples()).isEmpty());
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void emptyWarehouseTriggersNoCheck() {
        assertThat(quality.run(QualityQuery.of(JUNE)).problems()).isEmpty();
    }

    @Test
    void findsMqlsWithRoleAddresses() {
        // r1 info@, r2 sales+tag@, r6 admin@ reached MQL by skipping it (SQL June 7 counts as its MQL entry), r7
        // INFO@ in capitals with spaces. Not: r3 a person, r4 info@ whose MQL is in July, r5 support@ only a lead.
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,email,lead_at,mql_at,sql_at
                r1,2024-06-03,ORGANIC_SEARCH,info@acme.com,,2024-06-03,
                r2,2024-06-03,ORGANIC_SEARCH,sales+events@acme.com,,2024-06-05,
                r3,2024-06-03,ORGANIC_SEARCH,jane@acme.com,,2024-06-05,
                r4,2024-06-04,ORGANIC_SEARCH,info@globex.com,,2024-07-02,
                r5,2024-06-04,ORGANIC_SEARCH,support@acme.com,2024-06-04,,
                r6,2024-06-05,ORGANIC_SEARCH,admin@initech.com,,,2024-06-07
                r7,2024-06-06,ORGANIC_SEARCH, INFO@Initech.com ,,2024-06-06,
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        CheckResult roles = report.check(QualityCheck.ROLE_ADDRESS_MQLS);
        assertThat(roles.count()).isEqualTo(4);
        assertThat(roles.examples()).containsExactly("r1", "r2", "r6", "r7");
        nothingElse(report, QualityCheck.ROLE_ADDRESS_MQLS);
    }

    @Test
    void findsMqlsWithFreeMailAddresses() {
        // f1 gmail, f2 GMAIL in capitals, f6 info@gmail.com (a role address too). Not: f3 a company domain that
        // merely contains gmail.com, f4 a company, f5 yahoo.com but only a lead.
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,email,lead_at,mql_at
                f1,2024-06-03,ORGANIC_SEARCH,jane@gmail.com,,2024-06-03
                f2,2024-06-03,ORGANIC_SEARCH,bob@GMAIL.COM,,2024-06-04
                f3,2024-06-03,ORGANIC_SEARCH,ann@mail.gmail.com.evil.org,,2024-06-04
                f4,2024-06-03,ORGANIC_SEARCH,tom@acme.com,,2024-06-04
                f5,2024-06-03,ORGANIC_SEARCH,sue@yahoo.com,2024-06-04,
                f6,2024-06-04,ORGANIC_SEARCH,info@gmail.com,,2024-06-05
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        assertThat(report.check(QualityCheck.FREE_MAIL_MQLS).count()).isEqualTo(3);
        assertThat(report.check(QualityCheck.FREE_MAIL_MQLS).examples()).containsExactly("f1", "f2", "f6");
        assertThat(report.check(QualityCheck.ROLE_ADDRESS_MQLS).examples()).containsExactly("f6");
        nothingElse(report, QualityCheck.ROLE_ADDRESS_MQLS, QualityCheck.FREE_MAIL_MQLS);
    }

    @Test
    void findsMinutesInWhichManyContactsEnteredMql() {
        // 20 contacts stamped MQL within 09:30 on June 12 (seconds 0 to 57): a bulk stamp at the default threshold
        // of 20. 19 within 10:00 on June 13: one short. 2 more at 14:00:59 and 14:01:00: different minutes.
        StringBuilder csv = new StringBuilder("contact_id,created_at,source,email,mql_at\n");
        for (int i = 1; i <= 20; i++) {
            csv.append(String.format("b%02d,2024-06-12,events,p%d@acme.com,2024-06-12T09:30:%02dZ%n", i, i, i * 3 - 3));
        }
        for (int i = 1; i <= 19; i++) {
            csv.append(String.format("c%02d,2024-06-13,events,q%d@acme.com,2024-06-13T10:00:%02dZ%n", i, i, i));
        }
        csv.append("e1,2024-06-14,events,x@acme.com,2024-06-14T14:00:59Z\ne2,2024-06-14,events,y@acme.com,2024-06-14T14:01:00Z\n");
        Fixtures.load(warehouse, Dataset.CONTACTS, csv.toString());

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        CheckResult bulk = report.check(QualityCheck.BULK_MQL_STAMPING);
        assertThat(bulk.count()).isEqualTo(20);
        assertThat(bulk.examples()).containsExactly("2024-06-12T09:30Z");
        nothingElse(report, QualityCheck.BULK_MQL_STAMPING);
        // At a threshold of 19 both minutes are bulk stamps: 20 + 19 contacts, the larger first.
        CheckResult lower = quality.run(QualityQuery.of(JUNE).withBulkMqlThreshold(19)).check(QualityCheck.BULK_MQL_STAMPING);
        assertThat(lower.count()).isEqualTo(39);
        assertThat(lower.examples()).containsExactly("2024-06-12T09:30Z", "2024-06-13T10:00Z");
    }

    @Test
    void findsStageDatesOutOfOrder() {
        // o1 MQL (June 3) before LEAD (June 5); o2 LEAD (June 8) before its creation (June 10); o6 EVANGELIST
        // (June 15) before CUSTOMER (June 20). In order: o3 skips stages, o4 enters MQL and SQL the same day.
        // o5 is out of order but created May 28, before the range.
        Fixtures.load(warehouse, Dataset.CONTACTS, """
                contact_id,created_at,source,email,lead_at,mql_at,sql_at,customer_at,evangelist_at
                o1,2024-06-03,ORGANIC_SEARCH,a@acme.com,2024-06-05,2024-06-03,,,
                o2,2024-06-10,ORGANIC_SEARCH,b@acme.com,2024-06-08,,,,
                o3,2024-06-03,ORGANIC_SEARCH,c@acme.com,2024-06-03,,,2024-06-20,
                o4,2024-06-03,ORGANIC_SEARCH,d@acme.com,,2024-06-10,2024-06-10,,
                o5,2024-05-28,ORGANIC_SEARCH,e@acme.com,2024-06-05,2024-06-01,,,
                o6,2024-06-04,ORGANIC_SEARCH,f@acme.com,,,,2024-06-20,2024-06-15
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        assertThat(report.check(QualityCheck.STAGES_OUT_OF_ORDER).count()).isEqualTo(3);
        assertThat(report.check(QualityCheck.STAGES_OUT_OF_ORDER).examples()).containsExactly("o1", "o2", "o6");
        nothingElse(report, QualityCheck.STAGES_OUT_OF_ORDER);
    }

    @Test
    void findsDealsWhoseContactIsUnknownAndDealsWithoutContact() {
        // d2 and d5 (lost, which counts too) name contacts that were never loaded; d3 names none. d1's contact is
        // known; d4 names an unknown contact but closed in May, before the range.
        Fixtures.load(warehouse, Dataset.CONTACTS, "contact_id,created_at,source,email\nk1,2024-06-01,direct,a@acme.com\n");
        Fixtures.load(warehouse, Dataset.DEALS, """
                deal_id,amount,closed_at,contact_id,status
                d1,100,2024-06-03,k1,won
                d2,200,2024-06-04,ghost,won
                d3,300,2024-06-05,,won
                d4,400,2024-05-28,ghost,won
                d5,500,2024-06-06,ghost-3,lost
                """);

        QualityReport report = quality.run(QualityQuery.of(JUNE));

        assertThat(report.check(QualityCheck.DEALS_WITH_UNKNOWN_CONTACT).count()).isEqualTo(2);
        assertThat(report.check(QualityCheck.DEALS_WITH_UNKNOWN_CONTACT).examples()).containsExactly("d2", "d5");
        assertThat(report.check(QualityCheck.DEALS_WITHOUT_CONTACT).count()).isEqualTo(1);
        assertThat(report.check(QualityCheck.DEALS_WITHOUT_CONTACT).examples()).containsExactly("d3");
        nothingElse(report, QualityCheck.DEALS_WITH_UNKNOWN_CONTACT, QualityCheck.DEALS_WITHOUT_CONTACT);
    }

    @Test
    void examplesStopAtTenButTheCountDoesNot() {
        StringBuilder csv = new StringBuilder("contact_id,created_at,source,email,mql_at\n");
        for (int i = 1; i <= 12; i++) {
            csv.append(String.format("m%02d,2024-06-03,direct,info@firm%d.com,2024-06-0%d%n", i, i, 3 + i % 5));
        }
        Fixtures.load(warehouse, Dataset.CONTACTS, csv.toString());

        CheckResult roles = quality.run(QualityQuery.of(JUNE)).check(QualityCheck.ROLE_ADDRESS_MQLS);

        assertThat(roles.count()).isEqualTo(12);
        assertThat(roles.examples()).containsExactly("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10");
    }

    @Test
    void refusesRangesAndThresholdsItCannotAnswer() {
        // The weeks from Monday 1999-12-27 to Monday 2024-12-30: 9,135 days / 7 + 1 = 1,306, over the 1,000 allowed.
        assertThatThrownBy(() -> quality.run(QualityQuery.of(DateRange.of("2000-01-01", "2024-12-31"))))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("1306 weeks").hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> QualityQuery.of(JUNE).withBulkMqlThreshold(1))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("bulkMqlThreshold must be 2 to");
    }
}

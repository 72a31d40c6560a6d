package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.count;
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

/**
 * A load adds or replaces records by their key and keeps the rest; every version stays in the raw relation
 * with the load that brought it.
 */
class UpsertTests {

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
    void spendFileWithOneChangedRowReplacesThatRowByDateSourceAndCampaign() throws IOException {
        LoadResult first = loader.load(LoadRequest.of(Dataset.SPEND, text(dir, "june.csv", """
                date,source,amount,campaign
                2024-06-01,paid_search,100,Brand
                2024-06-01,paid_search,40,Generic
                2024-06-02,paid_search,90,Brand
                """)));
        LoadResult correction = loader.load(LoadRequest.of(Dataset.SPEND, text(dir, "correction.csv", """
                date,source,amount,campaign
                2024-06-01,Paid_Search,120,brand
                2024-06-03,paid_social,15,
                """)));

        // Current: the corrected Brand row of June 1st (matched case-insensitively), the untouched rows, the new one.
        assertThat(rows(warehouse, "SELECT CAST(date AS VARCHAR), source, campaign, amount, load_id FROM spend ORDER BY 1, 3"))
                .containsExactly(
                        "2024-06-01|paid_search|Generic|40.00|" + first.loadId(),
                        "2024-06-01|paid_search|brand|120.00|" + correction.loadId(),
                        "2024-06-02|paid_search|Brand|90.00|" + first.loadId(),
                        "2024-06-03|paid_social|null|15.00|" + correction.loadId());
        assertThat(count(warehouse, "SELECT sum(amount) FROM spend")).isEqualTo(40 + 120 + 90 + 15);
        // Raw: all five versions; the replaced one moved to the superseded table.
        assertThat(rows(warehouse, "SELECT load_id, record_key, amount FROM raw_spend ORDER BY load_id, record_key"))
                .containsExactly(
                        first.loadId() + "|2024-06-01|paid_search|brand|100.00",
                        first.loadId() + "|2024-06-01|paid_search|generic|40.00",
                        first.loadId() + "|2024-06-02|paid_search|brand|90.00",
                        correction.loadId() + "|2024-06-01|paid_search|brand|120.00",
                        correction.loadId() + "|2024-06-03|paid_social||15.00");
        assertThat(rows(warehouse, "SELECT load_id, amount FROM superseded_spend")).containsExactly(first.loadId() + "|100.00");
    }

    @Test
    void loadThatReplacesNothingOnlyAdds() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "a.csv", "contact_id,created_at\nc1,2024-06-01\n")));
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "b.csv", "contact_id,created_at\nc2,2024-06-02\n")));

        assertThat(rows(warehouse, "SELECT contact_id FROM contacts ORDER BY 1")).containsExactly("c1", "c2");
        assertThat(count(warehouse, "SELECT count(*) FROM superseded_contacts")).isZero();
    }

    @Test
    void thirdVersionOfARecordKeepsBothEarlierOnesInRaw() throws IOException {
        for (String mql : new String[] {"", "2024-07-01", "2024-07-02"}) {
            loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "c1-" + mql + ".csv",
                    "contact_id,created_at,mql_at\nc1,2024-06-01," + mql + "\n")));
        }

        assertThat(rows(warehouse, "SELECT load_id, CAST(mql_at AS DATE) FROM contacts")).containsExactly("3|2024-07-02");
        assertThat(rows(warehouse, "SELECT load_id, CAST(mql_at AS DATE) FROM raw_contacts ORDER BY load_id"))
                .containsExactly("1|null", "2|2024-07-01", "3|2024-07-02");
    }

    @Test
    void stateAsOfAnEarlierLoadCanBeRebuiltFromRaw() throws IOException {
        loader.load(LoadRequest.of(Dataset.DEALS, text(dir, "v1.csv", "deal_id,amount,closed_at\nd1,100,2024-06-01\nd2,50,2024-06-02\n")));
        loader.load(LoadRequest.of(Dataset.DEALS, text(dir, "v2.csv", "deal_id,amount,closed_at\nd1,150,2024-06-01\n")));

        // What knownAt queries do: the latest version of each record among loads up to a given one.
        assertThat(rows(warehouse, """
                SELECT deal_id, amount FROM raw_deals WHERE load_id <= 1
                QUALIFY row_number() OVER (PARTITION BY deal_id ORDER BY load_id DESC) = 1 ORDER BY 1"""))
                .containsExactly("d1|100.00", "d2|50.00");
        assertThat(rows(warehouse, "SELECT deal_id, amount FROM deals ORDER BY 1")).containsExactly("d1|150.00", "d2|50.00");
    }

    @Test
    void generatedRowsReplaceByKeyLikeFiles() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "a.csv", "contact_id,created_at,source\nc1,2024-06-01,Webinar\n")));

        loader.loadQuery(Dataset.CONTACTS, """
                SELECT 'c' || i AS contact_id, TIMESTAMPTZ '2024-06-01 00:00:00+00' + to_days(i::INTEGER) AS created_at,
                       'PAID_SEARCH' AS source_raw, NULL AS source_detail, NULL AS email, NULL AS company,
                       NULL AS lifecycle_stage, NULL::TIMESTAMPTZ AS subscriber_at, NULL::TIMESTAMPTZ AS lead_at,
                       NULL::TIMESTAMPTZ AS mql_at, NULL::TIMESTAMPTZ AS sql_at, NULL::TIMESTAMPTZ AS opportunity_at,
                       NULL::TIMESTAMPTZ AS customer_at, NULL::TIMESTAMPTZ AS evangelist_at, NULL::TIMESTAMPTZ AS updated_at
                FROM range(1, 3) t(i)""", "generated:test", "seed=1");

        assertThat(rows(warehouse, "SELECT contact_id, CAST(created_at AS DATE), source, load_id FROM contacts ORDER BY 1"))
                .containsExactly("c1|2024-06-02|paid_search|2", "c2|2024-06-03|paid_search|2");
        assertThat(rows(warehouse, "SELECT contact_id, source_raw FROM superseded_contacts")).containsExactly("c1|Webinar");
    }
}

package io.funnelql.warehouse.load;

import static io.funnelql.warehouse.TestWarehouses.rows;
import static io.funnelql.warehouse.load.LoadFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Values without an offset are read in the workspace time zone; values with {@code Z} or an offset are exact. */
class TimeZoneTests {

    @TempDir
    Path dir;

    Warehouse warehouse;
    Loader loader;

    @BeforeEach
    void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults().withTimeZone(ZoneId.of("America/New_York")));
        loader = new Loader(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void bareDatesAndLocalTimesAreReadInTheWorkspaceZone() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "contacts.csv", """
                contact_id,created_at,mql_at
                summer,2024-07-01,2024-07-01 18:30
                winter,2024-01-15,2024-01-15 18:30:15
                """)));

        // New York is UTC-4 in July (EDT) and UTC-5 in January (EST).
        assertThat(rows(warehouse, "SELECT contact_id, CAST(created_at AS VARCHAR), CAST(mql_at AS VARCHAR) FROM contacts ORDER BY 1"))
                .containsExactly("summer|2024-07-01 04:00:00+00|2024-07-01 22:30:00+00",
                        "winter|2024-01-15 05:00:00+00|2024-01-15 23:30:15+00");
    }

    @Test
    void valuesWithZOrAnOffsetAreExact() throws IOException {
        loader.load(LoadRequest.of(Dataset.CONTACTS, text(dir, "contacts.csv", """
                contact_id,created_at,mql_at
                zulu,2024-07-01T10:00:00Z,2024-07-01T23:59:59.5Z
                plus2,2024-07-01 10:00:00+02:00,2024-07-01T10:00:00+0200
                minus7,2024-07-01T10:00:00-07:00,2024-07-01 10:00:00-07
                """)));

        assertThat(rows(warehouse, "SELECT contact_id, CAST(created_at AS VARCHAR), CAST(mql_at AS VARCHAR) FROM contacts ORDER BY 1"))
                .containsExactly("minus7|2024-07-01 17:00:00+00|2024-07-01 17:00:00+00",
                        "plus2|2024-07-01 08:00:00+00|2024-07-01 08:00:00+00",
                        "zulu|2024-07-01 10:00:00+00|2024-07-01 23:59:59.5+00");
    }

    @Test
    void calendarDatesStayTheDateWritten() throws IOException {
        loader.load(LoadRequest.of(Dataset.SPEND, text(dir, "spend.csv", """
                date,source,amount
                2024-07-01,paid_search,10
                """)));

        assertThat(rows(warehouse, "SELECT CAST(date AS VARCHAR) FROM spend")).containsExactly("2024-07-01");
    }
}

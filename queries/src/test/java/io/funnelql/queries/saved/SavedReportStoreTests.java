package io.funnelql.queries.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/** Saved reports stored in a warehouse: ids from names, one report per id, listed by id, deleted. */
class SavedReportStoreTests {

    static final Instant SAVED = Instant.parse("2024-07-01T09:15:30.123456Z");

    Warehouse warehouse;
    SavedReportStore store;

    @BeforeEach
    void open() {
        warehouse = Warehouse.inMemory(WarehouseSettings.defaults());
        store = new SavedReportStore(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    static SavedReport report(String name, ReportKind kind) {
        return new SavedReport(SavedReport.idOf(name), SavedReport.checkName(name), kind,
                "{\"range\":{\"from\":\"2024-06-01\",\"to\":\"2024-06-30\"}}", SAVED, SAVED.minusSeconds(60), SAVED,
                ZoneId.of("Europe/Berlin"), DayOfWeek.SUNDAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Q2 funnel, by source|q2-funnel-by-source",
            "  Weekly   MQLs  |weekly-mqls",
            "--Cost/2024--|cost-2024",
            "Über-Funnel|über-funnel",
            "CAC|cac"})
    void idIsTheNameInLowerCaseWithOtherCharactersAsHyphens(String name, String id) {
        assertThat(SavedReport.idOf(name)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "---", "a\nb"})
    void refusesNamesWithoutLettersOrDigitsOrWithControlCharacters(String name) {
        assertThatThrownBy(() -> SavedReport.idOf(name)).isInstanceOf(BadQueryException.class).hasMessageContaining("name");
    }

    @Test
    void refusesNamesLongerThan200Characters() {
        assertThatThrownBy(() -> SavedReport.idOf("x".repeat(201))).isInstanceOf(BadQueryException.class)
                .hasMessage("A saved report's name may have at most 200 characters; this one has 201");
    }

    @Test
    void keepsEveryFieldAsSaved() {
        store.save(report("June funnel", ReportKind.FUNNEL));

        SavedReport found = store.find("june-funnel").orElseThrow();
        assertThat(found).isEqualTo(report("June funnel", ReportKind.FUNNEL));
        assertThat(found.knownAt()).isEqualTo(Instant.parse("2024-07-01T09:14:30.123456Z"));
    }

    @Test
    void namesThatGiveTheSameIdCannotBothBeSaved() {
        store.save(report("June funnel", ReportKind.FUNNEL));

        assertThatThrownBy(() -> store.save(report("june  FUNNEL!", ReportKind.COST)))
                .isInstanceOf(BadQueryException.class)
                .hasMessage("A saved report 'June funnel' (id june-funnel) exists; save this one under another name, "
                        + "or delete that one first");
        assertThat(store.list()).extracting(SavedReport::kind).containsExactly(ReportKind.FUNNEL);
    }

    @Test
    void listsByIdAndDeletes() {
        store.save(report("Weekly traffic", ReportKind.TRAFFIC));
        store.save(report("Cost 2024", ReportKind.COST));
        store.save(report("Revenue", ReportKind.REVENUE));

        assertThat(store.list()).extracting(SavedReport::id).containsExactly("cost-2024", "revenue", "weekly-traffic");
        assertThat(store.delete("revenue")).map(SavedReport::name).contains("Revenue");
        assertThat(store.delete("revenue")).isEmpty();
        assertThat(store.find("revenue")).isEmpty();
        assertThat(store.list()).extracting(SavedReport::id).containsExactly("cost-2024", "weekly-traffic");
    }
}

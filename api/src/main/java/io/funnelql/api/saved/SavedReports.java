package io.funnelql.api.saved;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.NotFoundException;
import io.funnelql.api.security.Roles;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.queries.saved.ReportKind;
import io.funnelql.queries.saved.SavedReport;
import io.funnelql.queries.saved.SavedReportStore;
import io.funnelql.warehouse.access.KeyRole;

/**
 * Saves, lists, runs and deletes the current workspace's saved reports.
 *
 * <p>A saved report runs with its input and four values fixed when it was saved ({@link #pinned}): {@code knownAt}
 * (the save time, or the input's own when earlier), so that no later load changes it; {@code asOf} (the input's
 * own, or the save time), so that "now" moving on does not either; and the time zone and week start, so that a
 * change of the workspace's defaults does not move its periods. docs/kpi-board.md ("Saved reports") explains why
 * each is needed.
 */
@Service
public class SavedReports {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Workspaces workspaces;
    private final FunnelqlProperties properties;
    private final ReportInputs inputs;
    private final JsonMapper mapper;
    private final Clock clock;

    @Autowired
    SavedReports(Workspaces workspaces, FunnelqlProperties properties, ReportInputs inputs, JsonMapper mapper) {
        this(workspaces, properties, inputs, mapper, Clock.systemUTC());
    }

    SavedReports(Workspaces workspaces, FunnelqlProperties properties, ReportInputs inputs, JsonMapper mapper, Clock clock) {
        this.workspaces = workspaces;
        this.properties = properties;
        this.inputs = inputs;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Saves a report's input under a name, once it has run: input that its report refuses is not saved.
     *
     * @throws org.springframework.security.access.AccessDeniedException when API keys are on and the request's key
     *         has neither role load nor admin
     * @throws io.funnelql.queries.report.BadQueryException when the name is not usable or taken, or the input is not
     *         one the kind's report answers
     */
    public SavedReport save(String name, ReportKind kind, Map<String, Object> input) {
        Roles.require(KeyRole.LOAD, "Saving a report");
        String id = SavedReport.idOf(name);
        SavedReportStore store = store();
        ReportInputs.Options given = inputs.read(kind, input);
        // Milliseconds: what GraphQL's DateTime shows, so that the knownAt and asOf shown are the ones used. An
        // input's own instants keep microseconds, what the warehouse stores of an instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant knownAt = given.knownAt() != null && given.knownAt().isBefore(now)
                ? given.knownAt().truncatedTo(ChronoUnit.MICROS) : now;
        Instant asOf = given.asOf() != null ? given.asOf().truncatedTo(ChronoUnit.MICROS) : now;
        ZoneId zone = given.timeZone() != null ? given.timeZone() : properties.reportSettings().timeZone();
        DayOfWeek weekStart = given.weekStart() != null ? given.weekStart() : properties.reportSettings().weekStart();
        SavedReport report = new SavedReport(id, SavedReport.checkName(name), kind, mapper.writeValueAsString(input), now,
                knownAt, asOf, zone, weekStart);
        store.checkAvailable(id);
        inputs.run(kind, pinned(report), false);
        return store.save(report);
    }

    /** Every saved report of the workspace, by id. */
    public List<SavedReport> list() {
        return store().list();
    }

    /** @throws NotFoundException when no saved report has this id */
    public SavedReport find(String id) {
        return store().find(id).orElseThrow(() -> unknown(id));
    }

    /**
     * Deletes a saved report.
     *
     * @throws org.springframework.security.access.AccessDeniedException as {@link #save} does
     * @throws NotFoundException when no saved report has this id
     */
    public SavedReport delete(String id) {
        Roles.require(KeyRole.LOAD, "Deleting a saved report");
        return store().delete(id).orElseThrow(() -> unknown(id));
    }

    /**
     * Runs a saved report.
     *
     * @param asOfNow false: exactly the numbers it gave when saved; true: the same report on the data known now (no
     *        knownAt; the input's own asOf, or now), with the answer as saved and what changed beside it
     * @param refresh compute fresh answers even if cached ones exist
     * @throws NotFoundException when no saved report has this id
     */
    public SavedReportRun run(String id, boolean asOfNow, boolean refresh) {
        SavedReport report = find(id);
        SavedReportRun saved = SavedReportRun.of(report, false, inputs.run(report.kind(), pinned(report), refresh), null, null);
        if (!asOfNow) {
            return saved;
        }
        Object now = inputs.run(report.kind(), current(report), refresh);
        return SavedReportRun.of(report, true, now, saved, ReportChanges.between(saved.answer(), now));
    }

    /** The input as saved, as a JSON object. */
    public Map<String, Object> input(SavedReport report) {
        return mapper.readValue(report.input(), JSON_OBJECT);
    }

    /** The input a run gives the saved numbers with: the input as saved with knownAt, asOf, timeZone and weekStart set. */
    public Map<String, Object> pinned(SavedReport report) {
        Map<String, Object> input = new LinkedHashMap<>(input(report));
        input.put("knownAt", report.knownAt().toString());
        input.put("asOf", report.asOf().toString());
        input.put("timeZone", report.timeZone().getId());
        input.put("weekStart", report.weekStart().name());
        return input;
    }

    /** The input of a run on the data known now: the input as saved without knownAt, in the saved time zone and weeks. */
    public Map<String, Object> current(SavedReport report) {
        Map<String, Object> input = new LinkedHashMap<>(input(report));
        input.remove("knownAt");
        input.put("timeZone", report.timeZone().getId());
        input.put("weekStart", report.weekStart().name());
        return input;
    }

    private SavedReportStore store() {
        return workspaces.current().service(SavedReportStore.class, SavedReportStore::new);
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("No saved report has id '" + id + "'; savedReports lists them (an id is the name in "
                + "lower case with '-' between words)");
    }
}

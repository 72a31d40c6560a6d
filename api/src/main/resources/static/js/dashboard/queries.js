// The GraphQL documents this page sends. It uses nothing but the public API, so these are also examples for
// anyone writing their own client; docs/dashboard.md shows them with their variables.

/** The stages the tracker and the funnel chart show. */
export const STAGES = ['CREATED', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER'];

/** The sources of the warehouse, for the filter. */
export const SOURCES = `
query DashboardSources {
  sources { source channel label contacts sessions }
}`;

/**
 * Per period: the funnel (in the page's cohort mode), sessions, won revenue and the cost ratios, each with its
 * target and attainment where the warehouse has targets. Feeds the tracker and the revenue and CAC trends.
 */
export const TRACKER = `
query DashboardTracker($range: DateRange!, $grain: Grain!, $cohort: CohortMode!, $weekStart: Weekday,
                       $sources: [String!], $channels: [String!], $compare: Compare!, $asOf: DateTime) {
  funnel(input: {range: $range, grain: $grain, cohort: $cohort, stages: [CREATED, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER],
                 sources: $sources, channels: $channels, compare: $compare, weekStart: $weekStart, asOf: $asOf}) {
    rows { period { label start end complete } steps { stage count previous change changeRate target attainment } }
    totals { stage count previous change changeRate target attainment }
    weekStart
  }
  traffic(input: {range: $range, grain: $grain, sources: $sources, channels: $channels, compare: $compare,
                  weekStart: $weekStart, asOf: $asOf}) {
    rows { period { start } sessions { value previous change changeRate target attainment } }
    total { sessions { value previous change changeRate target attainment } }
  }
  revenue(input: {range: $range, grain: $grain, sources: $sources, channels: $channels, compare: $compare,
                  weekStart: $weekStart, asOf: $asOf}) {
    rows { period { start } wonRevenue { value previous change changeRate target attainment } }
    total { wonRevenue { value previous change changeRate target attainment } }
  }
  cost(input: {range: $range, grain: $grain, sources: $sources, channels: $channels, compare: $compare,
               weekStart: $weekStart, asOf: $asOf}) {
    rows {
      period { start }
      spend { value }
      costPerLead { value previous change changeRate target attainment }
      cac { value previous change changeRate target attainment }
    }
    total {
      spend { value }
      costPerLead { value previous change changeRate target attainment }
      cac { value previous change changeRate target attainment }
    }
  }
}`;

/** The whole range by source: the funnel per source (funnel chart, MQLs) and sessions per source. */
export const BY_SOURCE = `
query DashboardBySource($range: DateRange!, $grain: Grain!, $cohort: CohortMode!, $weekStart: Weekday,
                        $sources: [String!], $channels: [String!], $compare: Compare!, $asOf: DateTime) {
  funnel(input: {range: $range, grain: $grain, cohort: $cohort, stages: [CREATED, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER],
                 groupBy: [SOURCE], sources: $sources, channels: $channels, compare: $compare, weekStart: $weekStart,
                 asOf: $asOf}) {
    groupTotals { source steps { stage count overallRate previous } }
    totals { stage count overallRate previous }
  }
  traffic(input: {range: $range, grain: $grain, groupBy: [SOURCE], sources: $sources, channels: $channels,
                  compare: $compare, weekStart: $weekStart, asOf: $asOf}) {
    groupTotals { source sessions { value previous } }
  }
}`;

/** The range against the same range a year earlier (weeks and days shifted by 52 weeks so weekdays align). */
export const YEAR_OVER_YEAR = `
query DashboardYearOverYear($range: DateRange!, $grain: Grain!, $cohort: CohortMode!, $weekStart: Weekday,
                            $sources: [String!], $channels: [String!], $asOf: DateTime) {
  funnel(input: {range: $range, grain: $grain, cohort: $cohort, stages: [CREATED, MQL, CUSTOMER],
                 sources: $sources, channels: $channels, compare: PREVIOUS_YEAR, weekStart: $weekStart, asOf: $asOf}) {
    rows { period { label } steps { stage count previous } }
    totals { stage count previous changeRate }
  }
  traffic(input: {range: $range, grain: $grain, sources: $sources, channels: $channels, compare: PREVIOUS_YEAR,
                  weekStart: $weekStart, asOf: $asOf}) {
    total { sessions { value previous changeRate } }
  }
  revenue(input: {range: $range, grain: $grain, sources: $sources, channels: $channels, compare: PREVIOUS_YEAR,
                  weekStart: $weekStart, asOf: $asOf}) {
    total { wonRevenue { value previous changeRate } }
  }
  cost(input: {range: $range, grain: $grain, sources: $sources, channels: $channels, compare: PREVIOUS_YEAR,
               weekStart: $weekStart, asOf: $asOf}) {
    total { spend { value previous changeRate } cac { value previous changeRate } }
  }
}`;

/**
 * The KPI board in the last week complete by the view's instant, beside the week before: the North Star and the
 * configured KPIs with their targets and definition versions, and the signals. All sources, whatever the filter.
 */
export const KPI_BOARD = `
query DashboardKpiBoard($weekStart: Weekday, $asOf: DateTime) {
  kpiBoard(input: {weekStart: $weekStart, asOf: $asOf}) {
    grain
    period { label start end }
    previousPeriod { label start end }
    northStar {
      definition { id version name description metric lowerIsBetter }
      indicator value previous change changeRate target attainment
    }
    kpis {
      definition { id version name description metric lowerIsBetter }
      indicator value previous change changeRate target attainment
    }
    signals { leading { id } lagging { id } kind message }
    weekStart
  }
}`;

/**
 * The variables of the report documents for a page state. Optional ones are left out when unset, so the server
 * applies its defaults (the week start of its configuration, every source and channel). `asOf` is the instant
 * the view was loaded: every tile of one view counts up to the same instant.
 */
export function reportVariables(state, asOf, { compare = true } = {}) {
  const variables = { range: { from: state.from, to: state.to }, grain: state.grain, cohort: state.cohort, asOf };
  if (compare) variables.compare = state.compare;
  if (state.weekStart) variables.weekStart = state.weekStart;
  if (state.sources.length) variables.sources = state.sources;
  if (state.channels.length) variables.channels = state.channels;
  return variables;
}

/** The variables of the KPI board: the view's instant and week start; the board keeps its own (weekly) cadence. */
export function boardVariables(state, asOf) {
  const variables = { asOf };
  if (state.weekStart) variables.weekStart = state.weekStart;
  return variables;
}

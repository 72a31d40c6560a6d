// The dashboard: reads the view from the URL, fills the controls, asks the GraphQL API and draws the tiles.
// docs/dashboard.md describes each tile, the query that feeds it, and the URL parameters.

import { fromQueryString, toQueryString, last13Weeks } from './state.js';
import { graphql, apiKey, setApiKey } from './graphql.js';
import * as queries from './queries.js';
import { Tile, Latest } from './tile.js';
import { trackerRows, isEmpty, renderTracker } from './tracker.js';
import * as charts from './charts.js';
import { renderYearOverYear, yearOverYearIsEmpty } from './yoy.js';
import { renderPicker, sourceOptions, channelOptions } from './picker.js';
import { renderBoard, boardIsEmpty } from './board.js';

const COHORT_HINTS = {
  CREATED: 'Created: each period follows the contacts created in it (cohorts), so recent periods still grow as '
    + 'those contacts move down the funnel.',
  ENTERED: 'Entered: each period counts the contacts that entered each stage in it (activity), so a period is '
    + 'final once it has ended.',
};

const STAGE_LABELS = {
  CREATED: 'Contacts', LEAD: 'Leads', MQL: 'MQLs', SQL: 'SQLs', OPPORTUNITY: 'Opportunities', CUSTOMER: 'Customers',
};

const EMPTY = 'Nothing happened in this range for these filters: pick another range or source, or load data.';

const form = document.getElementById('controls');
const funnelSourceSelect = document.querySelector('select[name="funnelSource"]');
const notice = document.getElementById('notice');
const tiles = Object.fromEntries(['tracker', 'kpi-board', 'funnel', 'mqls-by-source', 'sessions-by-source', 'trends', 'yoy']
  .map((id) => [id, new Tile(id)]));
const runs = { sources: new Latest(), tracker: new Latest(), bySource: new Latest(), yoy: new Latest(), board: new Latest() };

let state = fromQueryString(location.search);
let sourceInfos = [];
let bySource = null;

function ask(document, variables) {
  return graphql(document, variables, { workspace: state.workspace });
}

// ---- state, URL and controls ----

function showState() {
  form.from.value = state.from;
  form.to.value = state.to;
  form.grain.value = state.grain;
  form.weekStart.value = state.weekStart;
  form.compare.value = state.compare;
  form.querySelector(`input[name="cohort"][value="${state.cohort}"]`).checked = true;
  document.getElementById('cohort-hint').textContent = COHORT_HINTS[state.cohort];
  renderPicker('source-picker', sourceOptions(sourceInfos, state.sources), state.sources);
  renderPicker('channel-picker', channelOptions(sourceInfos, state.channels), state.channels);
  funnelSourceSelect.value = state.funnelSource;
}

function readControls() {
  const checked = (name) => [...form.querySelectorAll(`.options[data-name="${name}"] input:checked`)].map((box) => box.value);
  return {
    ...state,
    from: form.from.value || state.from,
    to: form.to.value || state.to,
    grain: form.grain.value,
    weekStart: form.weekStart.value,
    cohort: form.querySelector('input[name="cohort"]:checked').value,
    compare: form.compare.value,
    sources: checked('sources'),
    channels: checked('channels'),
  };
}

/** Takes a new state: into the URL (a history entry, so Back returns to the previous view), the controls, the tiles. */
function apply(next) {
  state = next;
  history.pushState(null, '', toQueryString(state));
  showState();
  refresh();
}

function bindControls() {
  form.addEventListener('change', () => apply(readControls()));
  form.addEventListener('submit', (event) => event.preventDefault());
  document.getElementById('last-13-weeks').addEventListener('click', () => apply({ ...readControls(), ...last13Weeks() }));
  // The funnel's own source choice redraws the funnel from the answer it has: no new query.
  funnelSourceSelect.addEventListener('change', () => {
    state = { ...state, funnelSource: funnelSourceSelect.value };
    history.pushState(null, '', toQueryString(state));
    if (bySource) drawFunnel();
  });
  window.addEventListener('popstate', () => {
    state = fromQueryString(location.search);
    showState();
    refresh();
  });
  const keyForm = document.getElementById('key-form');
  keyForm.querySelector('input').value = apiKey();
  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    setApiKey(keyForm.querySelector('input').value.trim());
    reloadAll();
  });
  document.getElementById('forget-key').addEventListener('click', () => {
    keyForm.querySelector('input').value = '';
    setApiKey('');
    reloadAll();
  });
}

function sourceLabel(source) {
  return sourceInfos.find((info) => info.source === source)?.label ?? source;
}

// ---- loading ----

function showNotice(message) {
  notice.textContent = message;
  notice.hidden = !message;
}

async function loadSources() {
  await runs.sources.run(() => ask(queries.SOURCES, {}), (data) => {
    sourceInfos = data.sources;
    showNotice(sourceInfos.length === 0
      ? 'This warehouse holds no data yet. Load your files (docs/getting-started.md), or start the server with '
        + '--demo to see the demo company.'
      : '');
    showState();
  }, (error) => {
    showNotice(error.needsKey ? `${error.message} Enter an API key with role read at the top right.` : error.message);
  });
}

function reloadAll() {
  loadSources().then(refresh);
}

/**
 * Loads every tile for the current state, as of now (to the minute, so that views opened within the same minute
 * share the server's cached answers). The instant is on the page (body data-as-of) and in the tracker's title.
 */
function refresh() {
  const now = new Date(Math.floor(Date.now() / 60000) * 60000);
  const asOf = now.toISOString();
  document.body.dataset.asOf = asOf;
  const time = now.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const subtitle = `${state.from} to ${state.to}`;
  tiles.tracker.part('tile-subtitle').textContent = `${subtitle}, by ${state.grain.toLowerCase()}, as of ${time}`;
  tiles['kpi-board'].part('tile-subtitle').textContent = `the last complete period, as of ${time}`;
  tiles.yoy.part('tile-subtitle').textContent = `${subtitle} against the same ${state.grain.toLowerCase()}s a year earlier`;
  loadTracker(queries.reportVariables(state, asOf));
  loadBySource(queries.reportVariables(state, asOf));
  loadYearOverYear(queries.reportVariables(state, asOf, { compare: false }));
  loadBoard(queries.boardVariables(state, asOf), time);
}

function loadTracker(variables) {
  const mine = [tiles.tracker, tiles.trends];
  mine.forEach((tile) => tile.loading());
  runs.tracker.run(() => ask(queries.TRACKER, variables), (data) => {
    if (!state.weekStart) {
      // The report says which week start the server chose; the control names it.
      const day = data.funnel.weekStart;
      form.weekStart.options[0].textContent = `server default (${day[0]}${day.slice(1).toLowerCase()})`;
    }
    const table = trackerRows(data);
    if (isEmpty(table.rows)) {
      mine.forEach((tile) => tile.empty(EMPTY));
      return;
    }
    tiles.tracker.ready();
    renderTracker(tiles.tracker.part('body'), table, { compare: state.compare });
    const money = table.rows.some((row) => row.revenue.wonRevenue.value || row.cost.spend.value);
    if (!money) {
      tiles.trends.empty('No won revenue and no spend in this range: load deals and spend, or pick another range.');
      return;
    }
    tiles.trends.ready();
    const comparing = state.compare !== 'NONE';
    charts.trendChart(tiles.trends.part('chart'), {
      periods: table.rows.map((row) => row.period.label),
      wonRevenue: table.rows.map((row) => row.revenue.wonRevenue.value),
      cac: table.rows.map((row) => row.cost.cac.value),
      previousWonRevenue: comparing ? table.rows.map((row) => row.revenue.wonRevenue.previous) : null,
      previousCac: comparing ? table.rows.map((row) => row.cost.cac.previous) : null,
    });
  }, (error) => mine.forEach((tile) => tile.error(error)));
}

function loadBySource(variables) {
  const mine = [tiles.funnel, tiles['mqls-by-source'], tiles['sessions-by-source']];
  mine.forEach((tile) => tile.loading());
  runs.bySource.run(() => ask(queries.BY_SOURCE, variables), (data) => {
    bySource = data;
    const options = data.funnel.groupTotals.map((group) => new Option(sourceLabel(group.source), group.source));
    funnelSourceSelect.replaceChildren(new Option('all sources', ''), ...options);
    funnelSourceSelect.value = state.funnelSource;
    drawFunnel();
    drawSourceBars();
  }, (error) => mine.forEach((tile) => tile.error(error)));
}

function drawFunnel() {
  const tile = tiles.funnel;
  const steps = state.funnelSource
    ? bySource.funnel.groupTotals.find((group) => group.source === state.funnelSource)?.steps
    : bySource.funnel.totals;
  if (!steps || steps.every((step) => step.count === 0)) {
    tile.empty(state.funnelSource ? `No contacts from ${sourceLabel(state.funnelSource)} in this range.` : EMPTY);
    return;
  }
  tile.ready();
  charts.funnelChart(tile.part('chart'), steps, STAGE_LABELS);
}

function drawSourceBars() {
  const comparing = state.compare !== 'NONE';
  const before = state.compare === 'PREVIOUS_YEAR' ? 'a year earlier' : 'the period before';
  const mqls = bySource.funnel.groupTotals.map((group) => {
    const step = group.steps.find((s) => s.stage === 'MQL');
    return { source: group.source, value: step.count, previous: step.previous };
  });
  const sessions = bySource.traffic.groupTotals.map((group) => ({
    source: group.source, value: group.sessions.value, previous: group.sessions.previous,
  }));
  for (const [id, rows, name] of [['mqls-by-source', mqls, 'MQLs'], ['sessions-by-source', sessions, 'Sessions']]) {
    const shown = rows.filter((row) => row.value > 0 || (comparing && row.previous > 0))
      .sort((a, b) => b.value - a.value || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    if (shown.length === 0) {
      tiles[id].empty(EMPTY);
      continue;
    }
    tiles[id].ready();
    charts.barChart(tiles[id].part('chart'), {
      categories: shown.map((row) => sourceLabel(row.source)),
      values: shown.map((row) => row.value),
      previous: comparing ? shown.map((row) => row.previous) : null,
      name,
      previousName: `${name}, ${before}`,
    });
  }
}

function loadYearOverYear(variables) {
  const tile = tiles.yoy;
  tile.loading();
  runs.yoy.run(() => ask(queries.YEAR_OVER_YEAR, variables), (data) => {
    if (yearOverYearIsEmpty(data)) {
      tile.empty(EMPTY);
      return;
    }
    tile.ready();
    renderYearOverYear(tile.part('body'), tile.part('chart'), data);
  }, (error) => tile.error(error));
}

/** The KPI board: its last complete period (a week by default) as of the view's instant, whatever the range and filters. */
function loadBoard(variables, time) {
  const tile = tiles['kpi-board'];
  tile.loading();
  runs.board.run(() => ask(queries.KPI_BOARD, variables), (data) => {
    const board = data.kpiBoard;
    const grain = board.grain.toLowerCase();
    tile.part('tile-subtitle').textContent = `${grain} of ${board.period.start} to ${board.period.end} against the `
      + `${grain} before, all sources, as of ${time}`;
    if (boardIsEmpty(board)) {
        tile.empty(`Nothing to show for ${board.previousPeriod.label} and ${board.period.label}: no KPI has a value `
        + 'in the board\'s last complete period or the one before. Load data, or pick KPIs the warehouse has.');
      return;
    }
    tile.ready();
    renderBoard(tile.part('body'), board);
  }, (error) => tile.error(error));
}

// ---- start ----

history.replaceState(null, '', toQueryString(state));
showState();
bindControls();
charts.resizeChartsWithWindow();
reloadAll();

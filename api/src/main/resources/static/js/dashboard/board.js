// The KPI board: the North Star and the board's KPIs in the last complete week beside the week before, with
// targets, and the signals between leading and lagging KPIs (the DashboardKpiBoard answer). Every number cell
// carries its raw value in data-value.

import * as format from './format.js';
import { attainmentClass } from './tracker.js';

const MONEY = new Set(['won_revenue', 'new_mrr', 'net_new_mrr', 'mrr', 'spend', 'cost_per_contact', 'cost_per_lead',
  'cost_per_mql', 'cac']);
const COUNTS = new Set(['sessions', 'unique_visitors', 'new_visitors', 'contacts', 'subscribers', 'leads', 'mqls', 'sqls',
  'opportunities', 'customers', 'evangelists', 'won_deals']);

/**
 * How a KPI's values are shown, from its definition's metric (docs/kpi-board.md, the metric catalog): rates and
 * the funnel as percentages, amounts as money, counts whole; a metric_values series (a ranking, attendees) with
 * up to two decimals, since the API does not say what it counts.
 */
export function kindOf(metric) {
  const name = metric.trim().toLowerCase();
  if (name.endsWith('_rate') || name === 'funnel' || name === 'roi') return 'rate';
  if (MONEY.has(name)) return 'money';
  return COUNTS.has(name) ? 'count' : 'number';
}

/** The board's KPIs, the North Star first. */
export function boardKpis(board) {
  return [board.northStar, ...board.kpis];
}

/** True when no KPI has a value other than 0 in either week: the warehouse holds nothing for them. */
export function boardIsEmpty(board) {
  return boardKpis(board).every((kpi) => !kpi.value && !kpi.previous);
}

/** Renders the KPIs' table and the signals into `container`. */
export function renderBoard(container, board) {
  const table = document.createElement('table');
  table.className = 'numbers board';
  const head = table.createTHead().insertRow();
  for (const title of ['KPI', board.period.label, board.previousPeriod.label, 'Change', 'Target', 'Attainment', 'Definition']) {
    const th = document.createElement('th');
    th.textContent = title;
    th.scope = 'col';
    head.append(th);
  }
  const tbody = table.createTBody();
  boardKpis(board).forEach((kpi, index) => kpiRow(tbody.insertRow(), kpi, index === 0));
  container.replaceChildren(table, signals(board.signals));
}

function kpiRow(tr, kpi, northStar) {
  const definition = kpi.definition;
  const kind = kindOf(definition.metric);
  const better = definition.lowerIsBetter ? 'down' : 'up';
  tr.dataset.kpi = definition.id;
  if (northStar) tr.className = 'north-star';
  const name = tr.insertCell();
  name.textContent = definition.name;
  if (northStar) name.prepend(tag('North Star', 'star'));
  name.append(tag(kpi.indicator.toLowerCase(), 'indicator ' + kpi.indicator.toLowerCase()));
  cell(tr, 'value', kpi.value, format.byKind(kind, kpi.value));
  cell(tr, 'previous', kpi.previous, format.byKind(kind, kpi.previous));
  const change = cell(tr, 'changeRate', kpi.changeRate, format.change(kpi.changeRate));
  change.dataset.change = kpi.change ?? '';
  change.title = `change: ${kpi.change == null ? format.DASH : format.byKind(kind, kpi.change)}`;
  if (kpi.change) change.className = (kpi.change > 0) === (better === 'up') ? 'better' : 'worse';
  cell(tr, 'target', kpi.target, format.byKind(kind, kpi.target)).classList.add('target');
  // The board's period has ended, so its attainment is judged like an ended period of the tracker.
  const attainment = cell(tr, 'attainment', kpi.attainment, format.rate(kpi.attainment));
  const colour = attainmentClass(kpi.attainment, better);
  if (colour) attainment.classList.add(colour);
  const version = tr.insertCell();
  version.className = 'definition';
  version.dataset.version = definition.version;
  version.textContent = `${definition.id} v${definition.version}`;
  version.title = definition.description;
}

function signals(list) {
  const section = document.createElement('div');
  section.className = 'signals';
  const title = document.createElement('h3');
  title.textContent = 'Signals';
  section.append(title);
  if (list.length === 0) {
    const none = document.createElement('p');
    none.className = 'no-signals';
    none.textContent = 'no signals';
    section.append(none);
    return section;
  }
  const ul = document.createElement('ul');
  for (const signal of list) {
    const li = document.createElement('li');
    li.dataset.leading = signal.leading.id;
    li.dataset.lagging = signal.lagging.id;
    li.dataset.kind = signal.kind;
    li.textContent = signal.message;
    ul.append(li);
  }
  section.append(ul);
  return section;
}

function tag(text, className) {
  const span = document.createElement('span');
  span.className = 'tag ' + className;
  span.textContent = text;
  return span;
}

function cell(tr, name, value, text) {
  const td = tr.insertCell();
  td.dataset.column = name;
  td.dataset.value = value ?? '';
  td.textContent = text;
  return td;
}

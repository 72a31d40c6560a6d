// The tracker: one row per period (13 weeks by default) and a total, the columns of a marketing team's weekly
// spreadsheet. Every cell carries its raw number in data-value.

import * as format from './format.js';

/**
 * The tracker's columns. `measure` picks a value ({value, previous, change, changeRate}) from a period's row;
 * `better` says which way is good, for colouring changes.
 *
 * A column may also have `target(row)`, answering the period's target (or null): the table then shows the
 * target beside the value, and colours the value cell by attainment like an OKR bowling chart
 * (attainmentClass). Targets come with the targets report; until then no column has one.
 */
export const COLUMNS = [
  { key: 'sessions', label: 'Sessions', kind: 'count', better: 'up', measure: (row) => row.traffic.sessions },
  { key: 'contacts', label: 'Contacts', kind: 'count', better: 'up', measure: (row) => row.steps.CREATED },
  { key: 'leads', label: 'Leads', kind: 'count', better: 'up', measure: (row) => row.steps.LEAD },
  { key: 'mqls', label: 'MQLs', kind: 'count', better: 'up', measure: (row) => row.steps.MQL },
  { key: 'sqls', label: 'SQLs', kind: 'count', better: 'up', measure: (row) => row.steps.SQL },
  { key: 'opportunities', label: 'Opportunities', kind: 'count', better: 'up', measure: (row) => row.steps.OPPORTUNITY },
  { key: 'customers', label: 'Customers', kind: 'count', better: 'up', measure: (row) => row.steps.CUSTOMER },
  { key: 'wonRevenue', label: 'Won revenue', kind: 'money', better: 'up', measure: (row) => row.revenue.wonRevenue },
  { key: 'costPerLead', label: 'Cost per lead', kind: 'money', better: 'down', measure: (row) => row.cost.costPerLead },
  { key: 'cac', label: 'CAC', kind: 'money', better: 'down', measure: (row) => row.cost.cac },
];

/** OKR bowling-chart colour of an attainment (value over target, as a fraction): on track from 100%, at risk from 90%. */
export function attainmentClass(attainment) {
  if (attainment == null) return '';
  if (attainment >= 1) return 'on-track';
  return attainment >= 0.9 ? 'at-risk' : 'off-track';
}

/** A funnel step as a measure, the shape of every other report's values. */
function stepMeasure(step) {
  return { value: step.count, previous: step.previous, change: step.change, changeRate: step.changeRate };
}

function stepsByStage(steps) {
  return Object.fromEntries(steps.map((step) => [step.stage, stepMeasure(step)]));
}

/**
 * The tracker's rows from the DashboardTracker answer: the four reports have the same periods (no grouping),
 * joined by their start.
 */
export function trackerRows(data) {
  const byStart = (rows) => new Map(rows.map((row) => [row.period.start, row]));
  const traffic = byStart(data.traffic.rows);
  const revenue = byStart(data.revenue.rows);
  const cost = byStart(data.cost.rows);
  const rows = data.funnel.rows.map((row) => ({
    period: row.period,
    steps: stepsByStage(row.steps),
    traffic: traffic.get(row.period.start),
    revenue: revenue.get(row.period.start),
    cost: cost.get(row.period.start),
  }));
  const total = {
    period: { label: 'Total', start: '', complete: true },
    steps: stepsByStage(data.funnel.totals),
    traffic: data.traffic.total,
    revenue: data.revenue.total,
    cost: data.cost.total,
  };
  return { rows, total };
}

/** True when no column has anything but zeros and blanks: the range holds no data. */
export function isEmpty(rows) {
  return rows.every((row) => COLUMNS.every((column) => !column.measure(row).value));
}

/** Renders the table into `container`. */
export function renderTracker(container, { rows, total }, { compare }) {
  const table = document.createElement('table');
  table.className = 'numbers';
  table.append(head(), body(rows, compare), foot(total, compare));
  container.replaceChildren(table);
}

function head() {
  const thead = document.createElement('thead');
  const tr = thead.insertRow();
  tr.append(th('Period'));
  for (const column of COLUMNS) {
    tr.append(th(column.label));
    if (column.target) tr.append(th(`${column.label} target`));
  }
  return thead;
}

function body(rows, compare) {
  const tbody = document.createElement('tbody');
  for (const row of rows) {
    const tr = tbody.insertRow();
    tr.dataset.period = row.period.start;
    if (!row.period.complete) {
      tr.className = 'incomplete';
      tr.title = 'This period has not ended yet: its numbers can still grow.';
    }
    fillRow(tr, row, compare);
  }
  return tbody;
}

function foot(total, compare) {
  const tfoot = document.createElement('tfoot');
  fillRow(tfoot.insertRow(), total, compare);
  return tfoot;
}

function fillRow(tr, row, compare) {
  const label = document.createElement('td');
  label.textContent = row.period.label;
  tr.append(label);
  for (const column of COLUMNS) {
    const measure = column.measure(row);
    tr.append(valueCell(column, measure, compare));
    if (column.target) tr.append(targetCell(column, measure, column.target(row), tr.lastChild));
  }
}

function valueCell(column, measure, compare) {
  const td = document.createElement('td');
  td.dataset.column = column.key;
  td.dataset.value = measure.value ?? '';
  td.textContent = format.byKind(column.kind, measure.value);
  if (compare !== 'NONE') {
    const change = document.createElement('span');
    change.className = 'change ' + direction(column, measure.changeRate);
    change.textContent = format.change(measure.changeRate);
    change.title = `before: ${format.byKind(column.kind, measure.previous)}`;
    td.append(change);
  }
  return td;
}

function targetCell(column, measure, target, valueTd) {
  const td = document.createElement('td');
  td.dataset.column = column.key + 'Target';
  td.dataset.value = target ?? '';
  td.textContent = format.byKind(column.kind, target);
  if (target != null && measure.value != null && target !== 0 && measure.value !== 0) {
    const attainment = column.better === 'down' ? target / measure.value : measure.value / target;
    valueTd.classList.add(attainmentClass(attainment));
    valueTd.title = `${format.rate(attainment)} of target`;
  }
  return td;
}

function direction(column, changeRate) {
  if (changeRate == null || changeRate === 0) return '';
  const up = changeRate > 0;
  return up === (column.better === 'up') ? 'better' : 'worse';
}

function th(text) {
  const cell = document.createElement('th');
  cell.textContent = text;
  cell.scope = 'col';
  return cell;
}

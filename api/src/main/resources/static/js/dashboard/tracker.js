// The tracker: one row per period (13 weeks by default) and a total, the columns of a marketing team's weekly
// spreadsheet. Every cell carries its raw number in data-value.

import * as format from './format.js';

/**
 * The tracker's columns. `measure` picks a value ({value, previous, change, changeRate, target, attainment})
 * from a period's row; `better` says which way is good, for colouring changes and attainment.
 *
 * Where the warehouse has targets for a column's metric (the `targets` dataset; docs/kpi-board.md), the API
 * gives each value its target and attainment: the table then shows a target column beside it and colours the
 * value like an OKR bowling chart (attainmentClass). The stages after contacts have targets only under the
 * ENTERED cohort, which counts what a stage target counts.
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

/**
 * OKR bowling-chart colour of an attainment (value / target, as the API gives it): on track from 100% of the
 * target, at risk from 90%, off track below. For a cost, where less is better, the target over the value is
 * what is compared.
 */
export function attainmentClass(attainment, better) {
  if (attainment == null) return '';
  const score = better === 'down' ? (attainment === 0 ? Infinity : 1 / attainment) : attainment;
  if (score >= 1) return 'on-track';
  return score >= 0.9 ? 'at-risk' : 'off-track';
}

/** A funnel step as a measure, the shape of every other report's values. */
function stepMeasure(step) {
  return {
    value: step.count, previous: step.previous, change: step.change, changeRate: step.changeRate,
    target: step.target, attainment: step.attainment,
  };
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
    period: { label: 'Total', start: '', complete: data.funnel.rows.every((row) => row.period.complete) },
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

/**
 * Renders the table into `container`: a target column beside every column for which some period, or the total,
 * has a target.
 */
export function renderTracker(container, { rows, total }, { compare }) {
  const targeted = new Set(COLUMNS.filter((column) => [...rows, total].some((row) => column.measure(row).target != null))
    .map((column) => column.key));
  const table = document.createElement('table');
  table.className = 'numbers';
  table.append(head(targeted), body(rows, compare, targeted), foot(total, compare, targeted));
  container.replaceChildren(table);
}

function head(targeted) {
  const thead = document.createElement('thead');
  const tr = thead.insertRow();
  tr.append(th('Period'));
  for (const column of COLUMNS) {
    tr.append(th(column.label));
    if (targeted.has(column.key)) {
      const target = th('target');
      target.title = `${column.label} target`;
      tr.append(target);
    }
  }
  return thead;
}

function body(rows, compare, targeted) {
  const tbody = document.createElement('tbody');
  for (const row of rows) {
    const tr = tbody.insertRow();
    tr.dataset.period = row.period.start;
    if (!row.period.complete) {
      tr.className = 'incomplete';
      tr.title = 'This period has not ended yet: its numbers can still grow.';
    }
    fillRow(tr, row, compare, targeted);
  }
  return tbody;
}

function foot(total, compare, targeted) {
  const tfoot = document.createElement('tfoot');
  fillRow(tfoot.insertRow(), total, compare, targeted);
  return tfoot;
}

function fillRow(tr, row, compare, targeted) {
  const label = document.createElement('td');
  label.textContent = row.period.label;
  tr.append(label);
  for (const column of COLUMNS) {
    const measure = column.measure(row);
    tr.append(valueCell(column, measure, compare, row.period.complete));
    if (targeted.has(column.key)) tr.append(targetCell(column, measure));
  }
}

/** A value's cell; coloured by attainment once its period has ended (a period under way is not judged yet). */
function valueCell(column, measure, compare, complete) {
  const td = document.createElement('td');
  td.dataset.column = column.key;
  td.dataset.value = measure.value ?? '';
  td.textContent = format.byKind(column.kind, measure.value);
  const attainment = complete ? attainmentClass(measure.attainment, column.better) : '';
  if (attainment) {
    td.classList.add(attainment);
    td.title = `${format.rate(measure.attainment)} of the target`;
  }
  if (compare !== 'NONE') {
    const change = document.createElement('span');
    change.className = 'change ' + direction(column, measure.changeRate);
    change.textContent = format.change(measure.changeRate);
    change.title = `before: ${format.byKind(column.kind, measure.previous)}`;
    td.append(change);
  }
  return td;
}

function targetCell(column, measure) {
  const td = document.createElement('td');
  td.className = 'target';
  td.dataset.column = column.key + 'Target';
  td.dataset.value = measure.target ?? '';
  td.textContent = format.byKind(column.kind, measure.target);
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

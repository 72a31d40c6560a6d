// Year over year: the range's totals against the same range a year earlier, and MQLs per period against the
// same periods a year earlier (the DashboardYearOverYear answer).

import * as format from './format.js';
import { yearOverYearChart } from './charts.js';

/** The table's lines: what each shows, from where, and which way is good. */
const LINES = [
  { key: 'sessions', label: 'Sessions', kind: 'count', better: 'up', pick: (d) => d.traffic.total.sessions },
  { key: 'contacts', label: 'Contacts', kind: 'count', better: 'up', pick: (d) => step(d, 'CREATED') },
  { key: 'mqls', label: 'MQLs', kind: 'count', better: 'up', pick: (d) => step(d, 'MQL') },
  { key: 'customers', label: 'Customers', kind: 'count', better: 'up', pick: (d) => step(d, 'CUSTOMER') },
  { key: 'wonRevenue', label: 'Won revenue', kind: 'money', better: 'up', pick: (d) => d.revenue.total.wonRevenue },
  { key: 'spend', label: 'Spend', kind: 'money', better: '', pick: (d) => d.cost.total.spend },
  { key: 'cac', label: 'CAC', kind: 'money', better: 'down', pick: (d) => d.cost.total.cac },
];

function step(data, stage) {
  const found = data.funnel.totals.find((s) => s.stage === stage);
  return { value: found.count, previous: found.previous, changeRate: found.changeRate };
}

/** True when neither the range nor the year before holds anything. */
export function yearOverYearIsEmpty(data) {
  return LINES.every((line) => !line.pick(data).value && !line.pick(data).previous);
}

export function renderYearOverYear(body, chartElement, data) {
  const table = document.createElement('table');
  table.className = 'numbers';
  const head = table.createTHead().insertRow();
  for (const title of ['', 'This range', 'A year earlier', 'Change']) {
    const th = document.createElement('th');
    th.textContent = title;
    th.scope = 'col';
    head.append(th);
  }
  const tbody = table.createTBody();
  for (const line of LINES) {
    const measure = line.pick(data);
    const tr = tbody.insertRow();
    tr.dataset.line = line.key;
    tr.insertCell().textContent = line.label;
    cell(tr, 'value', measure.value, format.byKind(line.kind, measure.value));
    cell(tr, 'previous', measure.previous, format.byKind(line.kind, measure.previous));
    const change = cell(tr, 'changeRate', measure.changeRate, format.change(measure.changeRate));
    if (measure.changeRate && line.better) change.className = (measure.changeRate > 0) === (line.better === 'up') ? 'better' : 'worse';
  }
  body.replaceChildren(table);

  const mql = (row) => row.steps.find((s) => s.stage === 'MQL');
  yearOverYearChart(chartElement, {
    periods: data.funnel.rows.map((row) => row.period.label),
    values: data.funnel.rows.map((row) => mql(row).count),
    previous: data.funnel.rows.map((row) => mql(row).previous),
    name: 'MQLs',
  });
}

function cell(tr, name, value, text) {
  const td = tr.insertCell();
  td.dataset.column = name;
  td.dataset.value = value ?? '';
  td.textContent = text;
  return td;
}

// The charts, drawn by Apache ECharts (the global `echarts` of its WebJar). Each chart element also carries the
// numbers it shows in data-values ({categories, series: [{name, data}]}), for tests and for anyone reading
// the page without the picture.

import * as format from './format.js';

/* global echarts */

const ANIMATION_MS = 300;

/** Draws `option` into `element`, reusing its chart, and records the numbers shown. */
function draw(element, option, values) {
  element.dataset.values = JSON.stringify(values);
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
  chart.setOption({ animationDuration: ANIMATION_MS, animationDurationUpdate: ANIMATION_MS, ...option }, true);
  chart.resize();
}

/** Keeps every chart as wide as its tile. */
export function resizeChartsWithWindow() {
  window.addEventListener('resize', () => {
    document.querySelectorAll('.chart').forEach((element) => echarts.getInstanceByDom(element)?.resize());
  });
}

/**
 * The lifecycle funnel: one trapezoid per stage in funnel order, labelled with its count and its share of the
 * first stage.
 */
export function funnelChart(element, steps, stageLabels) {
  const data = steps.map((step) => ({ name: stageLabels[step.stage] ?? step.stage, value: step.count, rate: step.overallRate }));
  draw(element, {
    tooltip: {
      trigger: 'item',
      formatter: (item) => `${item.name}: ${format.count(item.value)} (${format.rate(item.data.rate)} of the first stage)`,
    },
    series: [{
      type: 'funnel',
      sort: 'none',
      left: '4%',
      width: '56%',
      minSize: '2%',
      gap: 2,
      label: {
        position: 'right',
        formatter: (item) => `${item.name}: ${format.count(item.value)}`
          + (item.dataIndex > 0 ? ` (${format.rate(item.data.rate)})` : ''),
      },
      labelLine: { show: true },
      data,
    }],
  }, { categories: data.map((item) => item.name), series: [{ name: 'count', data: data.map((item) => item.value) }] });
}

/**
 * Horizontal bars, one per category, largest on top; with `previous` (a comparison) a second, paler bar beside
 * each.
 */
export function barChart(element, { categories, values, previous, name, previousName }) {
  const series = [{ name, type: 'bar', data: values, label: { show: true, position: 'right', formatter: (p) => format.count(p.value) } }];
  if (previous) series.push({ name: previousName, type: 'bar', data: previous, itemStyle: { opacity: 0.45 } });
  // ECharts draws the first category at the bottom of a category y axis: reverse, so the largest is on top.
  const reversed = series.map((s) => ({ ...s, data: [...s.data].reverse() }));
  draw(element, {
    grid: { left: 8, right: 56, top: previous ? 28 : 8, bottom: 8, containLabel: true },
    legend: previous ? { top: 0, type: 'scroll' } : undefined,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format.count },
    xAxis: { type: 'value', axisLabel: { formatter: compact } },
    yAxis: { type: 'category', data: [...categories].reverse() },
    series: reversed,
  }, { categories, series: series.map((s) => ({ name: s.name, data: s.data })) });
}

/** Won revenue (bars, left axis) and CAC (line, right axis) per period; with a comparison, last period's too. */
export function trendChart(element, { periods, wonRevenue, cac, previousWonRevenue, previousCac }) {
  const series = [
    { name: 'Won revenue', type: 'bar', data: wonRevenue },
    { name: 'CAC', type: 'line', yAxisIndex: 1, data: cac, connectNulls: false, symbolSize: 6 },
  ];
  if (previousWonRevenue) {
    series.push({ name: 'Won revenue before', type: 'bar', data: previousWonRevenue, itemStyle: { opacity: 0.4 } });
    series.push({ name: 'CAC before', type: 'line', yAxisIndex: 1, data: previousCac, lineStyle: { type: 'dashed' } });
  }
  draw(element, {
    grid: { left: 8, right: 8, top: 32, bottom: 32, containLabel: true },
    legend: { bottom: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: format.amount },
    xAxis: { type: 'category', data: periods },
    // Left axis: won revenue; right axis: CAC (the legend names them).
    yAxis: [
      { type: 'value', axisLabel: { formatter: compact } },
      { type: 'value', axisLabel: { formatter: compact }, splitLine: { show: false } },
    ],
    series,
  }, { categories: periods, series: series.map((s) => ({ name: s.name, data: s.data })) });
}

/** A count per period against the same period a year earlier (two lines). */
export function yearOverYearChart(element, { periods, values, previous, name }) {
  const series = [
    { name, type: 'line', data: values, symbolSize: 6 },
    { name: `${name}, a year earlier`, type: 'line', data: previous, lineStyle: { type: 'dashed' }, symbolSize: 4 },
  ];
  draw(element, {
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    legend: { bottom: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: format.count },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value' },
    series,
  }, { categories: periods, series: series.map((s) => ({ name: s.name, data: s.data })) });
}

function compact(value) {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

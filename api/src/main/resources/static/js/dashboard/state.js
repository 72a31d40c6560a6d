// The page state and its URL: everything a view shows is in the query string, so a URL shares the view.
// docs/dashboard.md lists the parameters.

export const GRAINS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
export const COHORTS = ['CREATED', 'ENTERED'];
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const COMPARES = ['NONE', 'PREVIOUS_PERIOD', 'PREVIOUS_YEAR'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today as an ISO date in the browser's time zone. */
export function today() {
  const now = new Date();
  return isoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate()));
}

/**
 * The last 13 weeks up to and including `to`: from is 84 days (12 weeks) earlier, so the range touches exactly
 * 13 weeks whatever day they start on (the server reports the first and last week whole).
 */
export function last13Weeks(to = today()) {
  return { from: addDays(to, -84), to };
}

/** The state a URL's query string describes; anything missing or unknown takes its default. */
export function fromQueryString(search) {
  const params = new URLSearchParams(search);
  const range = last13Weeks();
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: DATE.test(from ?? '') ? from : range.from,
    to: DATE.test(to ?? '') ? to : range.to,
    grain: oneOf(params.get('grain'), GRAINS, 'WEEK'),
    cohort: oneOf(params.get('cohort'), COHORTS, 'CREATED'),
    weekStart: oneOf(params.get('weekStart'), WEEKDAYS, ''),
    sources: list(params.get('sources')),
    channels: list(params.get('channels')),
    compare: oneOf(params.get('compare'), COMPARES, 'NONE'),
    funnelSource: params.get('funnelSource') ?? '',
    workspace: params.get('workspace') ?? '',
  };
}

/** The query string of a state: every parameter that is set, in a fixed order. */
export function toQueryString(state) {
  const params = new URLSearchParams();
  params.set('from', state.from);
  params.set('to', state.to);
  params.set('grain', state.grain);
  params.set('cohort', state.cohort);
  if (state.weekStart) params.set('weekStart', state.weekStart);
  if (state.sources.length) params.set('sources', state.sources.join(','));
  if (state.channels.length) params.set('channels', state.channels.join(','));
  params.set('compare', state.compare);
  if (state.funnelSource) params.set('funnelSource', state.funnelSource);
  if (state.workspace) params.set('workspace', state.workspace);
  return '?' + params.toString();
}

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

function list(value) {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}

function addDays(iso, days) {
  const [year, month, day] = iso.split('-').map(Number);
  return isoDate(new Date(year, month - 1, day + days));
}

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// How numbers are shown. Null means undefined (a rate or cost whose denominator is 0) and shows as a dash.

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export const DASH = '–';

export function count(value) {
  return value == null ? DASH : whole.format(value);
}

/** Money in the data's currency, which the API does not convert; no currency symbol is guessed. */
export function amount(value) {
  return value == null ? DASH : money.format(value);
}

export function rate(value) {
  return value == null ? DASH : percent.format(value);
}

export function change(value) {
  return value == null ? DASH : signedPercent.format(value);
}

/** A number of unknown kind (a hand-entered series: a ranking, attendees), to two decimals. */
export function number(value) {
  return value == null ? DASH : decimal.format(value);
}

/** A value in the format of its kind: 'count', 'money', 'rate' or 'number'. */
export function byKind(kind, value) {
  switch (kind) {
    case 'money': return amount(value);
    case 'number': return number(value);
    case 'rate': return rate(value);
    default: return count(value);
  }
}

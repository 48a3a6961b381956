/**
 * Standard five-field cron matching (minute hour day-of-month month day-of-week), UTC as Cloudflare uses:
 * `*`, `N`, `A-B`, `*\/S`, `A-B/S` and comma lists. Enough to replay wrangler.toml's triggers locally.
 */
const RANGES = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function fieldMatches(field, value, [lo, hi]) {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = lo;
    let to = hi;
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number);
      from = a;
      to = b === undefined ? (stepText === undefined ? a : hi) : b;
    }
    if (![from, to, step].every(Number.isInteger) || step < 1) throw new Error(`unsupported cron field "${field}"`);
    return value >= from && value <= to && (value - from) % step === 0;
  });
}

/** True when `date` (its UTC minute) is a firing time of `expression`. */
export function cronMatches(expression, date) {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}" must have five fields`);
  const dow = date.getUTCDay();
  const values = [date.getUTCMinutes(), date.getUTCHours(), date.getUTCDate(), date.getUTCMonth() + 1, dow];
  return fields.every((f, i) => (i === 4 ? fieldMatches(f.replace(/7/g, '0'), dow, RANGES[4]) : fieldMatches(f, values[i], RANGES[i])));
}

import { describe, expect, it } from 'vitest';
import { cronMatches } from '../../scripts/cron.js';

const at = (iso: string) => new Date(iso);

describe('cronMatches (what npm start uses to replay wrangler.toml triggers)', () => {
  it('fires */15 on the quarter hours only', () => {
    expect(cronMatches('*/15 * * * *', at('2026-03-10T08:45:00Z'))).toBe(true);
    expect(cronMatches('*/15 * * * *', at('2026-03-10T08:46:00Z'))).toBe(false);
  });
  it('handles lists, ranges and weekdays (7 = Sunday)', () => {
    expect(cronMatches('0 9-17/4 * * 1-5', at('2026-03-10T13:00:00Z'))).toBe(true); // Tuesday 13:00
    expect(cronMatches('0 9-17/4 * * 1-5', at('2026-03-14T13:00:00Z'))).toBe(false); // Saturday
    expect(cronMatches('30 6 1,15 * 7', at('2026-03-15T06:30:00Z'))).toBe(true); // Sunday the 15th
  });
  it('rejects an expression without five fields', () => {
    expect(() => cronMatches('* * *', at('2026-03-10T08:45:00Z'))).toThrow(/five fields/);
  });
});

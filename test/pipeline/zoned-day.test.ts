import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedDay, zonedToday } from '../../src/model/zoned-day.ts';

describe('zonedDay', () => {
  it('is midnight to midnight UTC for UTC', () => {
    expect(zonedDay('2025-12-12', 'UTC')).toEqual({ from: Date.parse('2025-12-12T00:00:00Z'), to: Date.parse('2025-12-13T00:00:00Z') });
  });
  it('starts a Berlin winter day an hour before UTC midnight, a New York day five hours after', () => {
    expect(zonedDay('2025-12-12', 'Europe/Berlin').from).toBe(Date.parse('2025-12-11T23:00:00Z'));
    expect(zonedDay('2025-12-12', 'America/New_York').from).toBe(Date.parse('2025-12-12T05:00:00Z'));
  });
  it('makes the day of a DST change 23 or 25 hours long', () => {
    const spring = zonedDay('2026-03-29', 'Europe/Berlin');
    expect((spring.to - spring.from) / 3_600_000).toBe(23);
    const autumn = zonedDay('2026-10-25', 'Europe/Berlin');
    expect((autumn.to - autumn.from) / 3_600_000).toBe(25);
  });
  it("tells today's date in a zone and refuses unknown zones", () => {
    expect(zonedToday('Asia/Tokyo', Date.parse('2025-12-12T20:00:00Z'))).toBe('2025-12-13');
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

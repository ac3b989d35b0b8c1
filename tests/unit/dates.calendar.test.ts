import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, dayFromYmd, toIso, weekdayOf, ymdFromDay } from '../../lib/dates/calendar';

describe('calendar arithmetic agrees with Date', () => {
  it('day numbers round-trip and match Date.UTC, weekdays included', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(0, 1, 1), max: dayFromYmd(9999, 12, 31) }), (day) => {
        const { y, m, d } = ymdFromDay(day);
        expect(dayFromYmd(y, m, d)).toBe(day);
        const date = new Date(day * 86_400_000);
        expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).toEqual([y, m, d]);
        // Date counts Sunday as 0; ours counts Monday as 0.
        expect(weekdayOf(day)).toBe((date.getUTCDay() + 6) % 7);
      }),
      { numRuns: 2000 },
    );
  });

  it('known anchors', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(toIso(dayFromYmd(2024, 2, 29))).toBe('2024-02-29');
    expect(weekdayOf(dayFromYmd(2025, 1, 30))).toBe(3); // a Thursday
    expect(toIso(dayFromYmd(0, 1, 1))).toBe('0000-01-01');
    expect(toIso(dayFromYmd(0, 1, 1) - 1)).toBeUndefined();
    expect(toIso(dayFromYmd(10000, 1, 1))).toBeUndefined();
  });

  it('month shifts clip to the end of shorter months', () => {
    expect(toIso(addMonths(dayFromYmd(2025, 3, 31), -1))).toBe('2025-02-28');
    expect(toIso(addMonths(dayFromYmd(2024, 3, 31), -1))).toBe('2024-02-29');
    expect(toIso(addMonths(dayFromYmd(2025, 1, 15), -13))).toBe('2023-12-15');
  });
});

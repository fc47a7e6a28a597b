import {describe, expect, it} from 'vitest';
import {clockOf, formatMinute, inOfficeHours, parseWhen} from '../../src/engine/time.js';

describe('parseWhen', () => {
  it.each([
    ['weekday and time', 'wed 14:00', 2 * 1440 + 14 * 60],
    ['day number', 'day 2 14:00', 2 * 1440 + 14 * 60],
    ['Monday is day 0', 'mon 00:00', 0],
    ['Sunday late', 'sun 23:59', 6 * 1440 + 23 * 60 + 59],
    ['time only is day 0', '14:00', 840],
    ['minute of the hour', ':15', 15],
    ['capitalised weekday, padding', '  Fri 08:30 ', 4 * 1440 + 510],
    ['second week', 'day 9 01:00', 9 * 1440 + 60],
  ])('%s: %s → %i', (_name, text, minute) => {
    expect(parseWhen(text)).toEqual({ok: true, minute});
  });

  it.each([
    ['not a time', 'noon', 'is not a time'],
    ['hour past 23', 'wed 24:00', 'hour 24 is past 23'],
    ['minute past 59', 'wed 10:60', 'minute 60 is past 59'],
    ['unknown weekday', 'wod 10:00', 'is not a time'],
    ['very long input is refused, and shortened in the message', `${' '.repeat(20000)}x`, '…" is not a time'],
  ])('%s', (_name, text, error) => {
    const parsed = parseWhen(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain(error);
      expect(parsed.error.length).toBeLessThan(120);
    }
  });
});

describe('clock', () => {
  it.each([
    ['Monday midnight', 0, 'Mon 00:00'],
    ['Wednesday 14:00', 2 * 1440 + 840, 'Wed 14:00'],
    ['day 8 is a Tuesday', 8 * 1440 + 5, 'Tue 00:05'],
  ])('formatMinute: %s', (_name, minute, text) => {
    expect(formatMinute(minute)).toBe(text);
  });

  it.each([
    ['Monday 08:00 is in', 480, true],
    ['Monday 07:59 is out', 479, false],
    ['Friday 17:59 is in', 4 * 1440 + 17 * 60 + 59, true],
    ['Friday 18:00 is out', 4 * 1440 + 18 * 60, false],
    ['Saturday noon is out', 5 * 1440 + 720, false],
  ])('office hours: %s', (_name, minute, inside) => {
    expect(inOfficeHours(minute)).toBe(inside);
  });

  it('clockOf gives weekday and hour', () => {
    expect(clockOf(9 * 1440 + 61)).toEqual({day: 9, weekday: 2, hour: 1, minuteOfDay: 61});
  });
});

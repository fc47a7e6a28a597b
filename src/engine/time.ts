// Times in level files: "wed 14:00", "day 2 14:00", "14:00" (day 0), ":15" (minute of the hour).
// Day 0 is a Monday, 00:00. A minute is one simulation tick.

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1440;
export const HOURS_PER_MONTH = 730;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type ParsedWhen = {ok: true; minute: number} | {ok: false; error: string};

// Applied to trimmed text of bounded length: the optional day and the spaces after it cannot backtrack far.
const WHEN = /^(?:(mon|tue|wed|thu|fri|sat|sun)|day +(\d{1,2}))? *(\d{1,2})?:(\d{2})$/i;
const MAX_WHEN_LENGTH = 40;

/** Minute of the horizon for a time as levels write it. */
export function parseWhen(text: string): ParsedWhen {
  const trimmed = text.length <= MAX_WHEN_LENGTH ? text.trim() : '';
  const m = WHEN.exec(trimmed);
  if (!m) {
    const shown = text.length <= MAX_WHEN_LENGTH ? text : `${text.slice(0, MAX_WHEN_LENGTH)}…`;
    return {ok: false, error: `"${shown}" is not a time: write "wed 14:00", "day 2 14:00" or "14:00"`};
  }
  const [, weekday, dayNumber, hourText, minuteText] = m;
  const day = weekday ? WEEKDAYS.indexOf(weekday.toLowerCase() as Weekday) : dayNumber ? Number(dayNumber) : 0;
  const hour = hourText === undefined ? 0 : Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23) return {ok: false, error: `"${text}": hour ${hour} is past 23`};
  if (minute > 59) return {ok: false, error: `"${text}": minute ${minute} is past 59`};
  return {ok: true, minute: day * MINUTES_PER_DAY + hour * MINUTES_PER_HOUR + minute};
}

/** "Wed 14:00" for a minute of the horizon (weeks wrap: day 8 is a Tuesday). */
export function formatMinute(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const inDay = minute - day * MINUTES_PER_DAY;
  const hh = String(Math.floor(inDay / 60)).padStart(2, '0');
  const mm = String(inDay % 60).padStart(2, '0');
  const name = WEEKDAYS[day % 7] as string;
  return `${name[0]?.toUpperCase()}${name.slice(1)} ${hh}:${mm}`;
}

/** Weekday index (0 = Monday) and hour of day for a minute of the horizon. */
export function clockOf(minute: number): {day: number; weekday: number; hour: number; minuteOfDay: number} {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const minuteOfDay = minute - day * MINUTES_PER_DAY;
  return {day, weekday: day % 7, hour: Math.floor(minuteOfDay / 60), minuteOfDay};
}

/** Office hours for schedules: Monday–Friday 08:00–18:00. */
export const OFFICE_HOURS = {startHour: 8, endHour: 18, weekdays: [0, 1, 2, 3, 4]} as const;

export function inOfficeHours(minute: number): boolean {
  const {weekday, hour} = clockOf(minute);
  return (OFFICE_HOURS.weekdays as readonly number[]).includes(weekday) && hour >= OFFICE_HOURS.startHour && hour < OFFICE_HOURS.endHour;
}

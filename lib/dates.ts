/**
 * Calendar days, written as ISO dates ("2026-12-04"). Cycles open and close on calendar
 * days, and those are UTC days: the same for everyone, whatever their machine's time zone.
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

function midnightOf(isoDay: string): Date {
  const midnight = new Date(`${isoDay}T00:00:00Z`);
  // The round trip refuses days that Date would quietly roll over ("2026-02-30").
  if (!ISO_DAY.test(isoDay) || Number.isNaN(midnight.getTime()) || calendarDayOf(midnight) !== isoDay) {
    throw new RangeError(`Not a calendar day: ${isoDay}`);
  }
  return midnight;
}

/** The instant a UTC calendar day starts; a RangeError for anything but a real calendar day. */
export function startOfDay(isoDay: string): Date {
  return midnightOf(isoDay);
}

/** The first day a search by date may name: nothing in Fulcrum is older. */
export const SEARCHABLE_FROM = "1970-01-01";

/**
 * Whether a text is a calendar day that can be searched for: a real day, from
 * SEARCHABLE_FROM to 9999. Anything else typed into a URL is refused with a message before
 * it reaches the database.
 */
export function isSearchableDay(text: string): boolean {
  if (!ISO_DAY.test(text) || text < SEARCHABLE_FROM) return false;
  try {
    midnightOf(text);
    return true;
  } catch {
    return false;
  }
}

/** The UTC calendar day an instant falls on. */
export function calendarDayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The day `days` after `isoDay` (before it when negative). */
export function addDays(isoDay: string, days: number): string {
  return calendarDayOf(new Date(midnightOf(isoDay).getTime() + days * DAY_MS));
}

/** The instant `days` after `instant`. */
export function addDaysTo(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

const instantFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An instant to the minute, in UTC, the zone of every date Fulcrum shows: "4 Dec 2026, 14:05". */
export function formatInstant(instant: Date): string {
  return instantFormat.format(instant);
}

/** "2026-12-04" → "4 Dec 2026". */
export function formatDay(isoDay: string): string {
  return dayFormat.format(midnightOf(isoDay));
}

import { clock } from "@/lib/clock";
import { addDays } from "@/lib/dates";

/**
 * Test dates come from the app's clock, never from the calendar the test was written on:
 * the suite passes on any day, with the clock moved years ahead included.
 */

/** The UTC calendar day `offset` days from today (before it when negative). */
export const daysFromToday = (offset: number) => addDays(clock.today(), offset);

/** The dates of a cycle that is running today: it opened two weeks ago and closes in two weeks. */
export const runningCycleDates = () => ({ opensOn: daysFromToday(-14), closesOn: daysFromToday(14) });

/** The dates of a cycle yet to come: it opens in four weeks and runs for four weeks. */
export const upcomingCycleDates = () => ({ opensOn: daysFromToday(28), closesOn: daysFromToday(56) });

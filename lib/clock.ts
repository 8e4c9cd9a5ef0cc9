import { calendarDayOf } from "./dates";

/**
 * The one place Fulcrum asks what time it is. Everything else, the due-cycle check and
 * every timestamp the app writes included, takes "now" and "today" from here: never from
 * `new Date()`, `Date.now()` or the database's `now()` and `CURRENT_DATE` (a lint rule
 * holds the line). One clock means one answer: the app, its embedded database and its
 * tests agree on the date, and a test that shifts the process's clock (`faketime`, see the
 * README's Tests section) shifts all of them at once.
 *
 * It lives in the domain library, the one module there that reads the outside world,
 * because every layer needs it: pages, the data access layer, seeds and tests.
 */
export const clock = {
  /** This instant. */
  now(): Date {
    // The only call that reads the system clock (see the lint rule in eslint.config.mjs).
    return new Date();
  },
  /** Today as a UTC calendar day, "2026-12-06": cycle dates are UTC calendar days. */
  today(): string {
    return calendarDayOf(clock.now());
  },
};

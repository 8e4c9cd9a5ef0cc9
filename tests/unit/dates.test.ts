import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { addDays, addDaysTo, calendarDayOf, formatDay, isSearchableDay, SEARCHABLE_FROM, startOfDay } from "@/lib/dates";

// Any UTC instant from 1970 to 2199, whatever today is.
const instants = fc.date({ min: new Date(0), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true });
const days = instants.map(calendarDayOf);

describe("calendar days", () => {
  it("writes a calendar day in words, whatever the machine's time zone", () => {
    // fixed-date: these dates are the point, how one particular day reads.
    expect(formatDay("2104-12-04")).toBe("4 Dec 2104");
    expect(formatDay("2105-01-01")).toBe("1 Jan 2105");
  });

  it("takes the UTC day of an instant, late at night and early in the morning alike", () => {
    fc.assert(
      fc.property(days, (day) => {
        expect(calendarDayOf(new Date(`${day}T00:00:00.000Z`))).toBe(day);
        expect(calendarDayOf(new Date(`${day}T23:59:59.999Z`))).toBe(day);
      }),
    );
  });

  it("counts days forward and back across months, years and leap days", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 }), (day, a, b) => {
        expect(addDays(addDays(day, a), b)).toBe(addDays(day, a + b));
        expect(addDays(addDays(day, a), -a)).toBe(day);
        if (a > 0) expect(addDays(day, a) > day).toBe(true);
      }),
    );
    // fixed-date: a leap day and a year end are the point.
    expect(addDays("2104-02-28", 1)).toBe("2104-02-29");
    expect(addDays("2104-12-31", 1)).toBe("2105-01-01");
  });

  it("moves an instant by whole days", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -400, max: 400 }), (instant, offset) => {
        expect(calendarDayOf(addDaysTo(instant, offset))).toBe(addDays(calendarDayOf(instant), offset));
      }),
    );
  });

  it("refuses what is not a calendar day", () => {
    for (const text of ["", "tomorrow", "2104-13-01", "2104-1-1", "2104-02-30", "2104-02-28T00:00"]) expect(() => addDays(text, 1)).toThrow(RangeError);
  });
});

describe("the clock", () => {
  it("gives today as the UTC calendar day of now", () => {
    const before = calendarDayOf(clock.now());
    const today = clock.today();
    const after = calendarDayOf(clock.now());
    // Around midnight the day may turn between the two readings; it is one of them.
    expect([before, after]).toContain(today);
  });
});

describe("a day typed into an address", () => {
  it("is searchable only when it is a real day from the first searchable one on", () => {
    expect(isSearchableDay(SEARCHABLE_FROM)).toBe(true);
    expect(isSearchableDay(addDays(SEARCHABLE_FROM, 20_000))).toBe(true);
    for (const text of ["0000-01-01", addDays(SEARCHABLE_FROM, -1), "2104-02-30", "2104-13-01", "2104-1-1", "", "tomorrow", "2104-01-01T00:00"]) {
      expect(isSearchableDay(text), text).toBe(false);
    }
    expect(startOfDay(SEARCHABLE_FROM).getTime()).toBe(0);
  });
});

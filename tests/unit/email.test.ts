import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { addDays, formatDay } from "@/lib/dates";
import {
  dueReminderRounds,
  invitationEmail,
  REMINDER_DAYS_BEFORE_CLOSE,
  reminderEmail,
  reminderSummary,
  reportReadyEmail,
  RETRY_DELAYS_MINUTES,
  retryAt,
} from "@/lib/email";
import { countWhileOpen } from "@/lib/response-count";

/** A close date a month from the clock's today: no test here depends on the calendar. */
const CLOSES = addDays(clock.today(), 30);

describe("scheduled reminders", () => {
  it("are due from their day up to the close date, and never before or after", () => {
    expect(dueReminderRounds(addDays(CLOSES, -8), CLOSES)).toEqual([]);
    expect(dueReminderRounds(addDays(CLOSES, -7), CLOSES)).toEqual([7]);
    expect(dueReminderRounds(addDays(CLOSES, -3), CLOSES)).toEqual([7]);
    expect(dueReminderRounds(addDays(CLOSES, -2), CLOSES)).toEqual([7, 2]);
    expect(dueReminderRounds(CLOSES, CLOSES)).toEqual([7, 2]);
    expect(dueReminderRounds(addDays(CLOSES, 1), CLOSES)).toEqual([]);
  });

  it("are, on any day of the cycle, the rounds whose day has come", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 0 }), (offset) => {
        const daysLeft = -offset;
        expect(dueReminderRounds(addDays(CLOSES, offset), CLOSES)).toEqual(REMINDER_DAYS_BEFORE_CLOSE.filter((days) => days >= daysLeft));
      }),
    );
  });
});

describe("retries", () => {
  it("wait longer each time, and stop after the last", () => {
    const now = clock.now();
    const waits = RETRY_DELAYS_MINUTES.map((_, index) => (retryAt(now, index + 1)!.getTime() - now.getTime()) / 60_000);
    expect(waits).toEqual([...RETRY_DELAYS_MINUTES]);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(retryAt(now, RETRY_DELAYS_MINUTES.length + 1)).toBeNull();
  });
});

describe("the emails", () => {
  const links = [
    { label: "Rate Daniel Okafor", url: "https://fulcrum.test/assessments/c/m" },
    { label: "Your self-assessment", url: "https://fulcrum.test/assessments/c/s" },
  ];

  it("invite with every link and the close date", () => {
    const email = invitationEmail({ name: "Olivia Carter", cycleName: "Q1 2030", closesOn: CLOSES, links });
    expect(email.subject).toBe(`Q1 2030 is open: your feedback by ${formatDay(CLOSES)}`);
    for (const link of links) expect(email.text).toContain(`${link.label}: ${link.url}`);
    expect(email.text).toContain("anonymous");
  });

  it("remind with the links still to answer, and announce a report with its link", () => {
    expect(reminderEmail({ name: "Olivia Carter", cycleName: "Q1 2030", closesOn: CLOSES, links: links.slice(0, 1) }).text).toContain(
      "your answer is still missing",
    );
    const ready = reportReadyEmail({ name: "Daniel Okafor", cycleName: "Q1 2030", url: "https://fulcrum.test/report/c" });
    expect(ready.subject).toBe("Your Q1 2030 report is ready");
    expect(ready.text).toContain("https://fulcrum.test/report/c");
  });
});

describe("what the admin who sends reminders is told", () => {
  it("counts the people of teams with three or more left, and only the number of the nearly complete teams", () => {
    const summary = reminderSummary([countWhileOpen(2, 7), countWhileOpen(1, 5), countWhileOpen(6, 7), countWhileOpen(1, 2)]);
    expect(summary).toBe(
      "Reminders are on their way to those who have not answered: 9 people in teams with 3 or more still to answer, and anyone still to answer in the 2 teams with fewer left. Anyone reminded in the last 48 hours is left out.",
    );
  });

  it("never depends on how many of a nearly complete team have answered", () => {
    const team = fc.integer({ min: 1, max: 12 }).chain((invited) => fc.tuple(fc.constant(invited), fc.integer({ min: 0, max: invited })));
    fc.assert(
      fc.property(fc.array(team, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (teams, shifts) => {
        // Any other answers behind the same shown counts give the same words.
        const shown = teams.map(([invited, responded]) => countWhileOpen(responded, invited));
        const other = teams.map(([invited, responded], index) => {
          const count = countWhileOpen(responded, invited);
          if (!count.atLeast) return count;
          const alternative = Math.min(invited, count.responded + ((shifts[index] ?? 0) % 3));
          return countWhileOpen(alternative, invited);
        });
        expect(reminderSummary(other)).toBe(reminderSummary(shown));
      }),
    );
  });
});

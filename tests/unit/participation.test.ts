import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { addDays } from "@/lib/dates";
import { byLowestShare, daysLeft, daysLeftText, orgCount, orgCountText, percentOf, rateText } from "@/lib/participation";
import { countWhileOpen, type ResponseCount } from "@/lib/response-count";

/** A team's size (N ≥ 1) and how many of it have answered so far (n ≤ N): the exact truth, which the page never shows. */
const team = fc.integer({ min: 1, max: 40 }).chain((invited) => fc.record({ invited: fc.constant(invited), responded: fc.integer({ min: 0, max: invited }) }));
const organisation = fc.array(team, { minLength: 0, maxLength: 25 });
const shown = (teams: readonly { invited: number; responded: number }[]) => teams.map((t) => countWhileOpen(t.responded, t.invited));
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Another exact state the same shown counts could come from: each coarsened team anywhere from its floor to all answered. */
const sameShownCounts = (teams: readonly { invited: number; responded: number }[]) =>
  fc.tuple(
    ...teams.map((t) => {
      const count = countWhileOpen(t.responded, t.invited);
      return count.atLeast ? fc.integer({ min: count.responded, max: t.invited }).map((responded) => ({ ...t, responded })) : fc.constant(t);
    }),
  );

describe("orgCount", () => {
  it("is the exact sum when no team's count is coarsened", () => {
    const teams = [
      { invited: 7, responded: 2 },
      { invited: 10, responded: 0 },
      { invited: 5, responded: 1 },
    ];
    expect(orgCount(shown(teams))).toEqual({ invited: 22, responded: 3, respondedAtMost: 3, atLeast: false, teams: 3, teamsAtLeast: 0 });
  });

  it("adds up what the teams show, a floor as soon as one of them shows a floor", () => {
    // 3 of 10 exact, 5 or more of 7 (really 6), 0 to 2 of 2 (really 1).
    const org = orgCount(
      shown([
        { invited: 10, responded: 3 },
        { invited: 7, responded: 6 },
        { invited: 2, responded: 1 },
      ]),
    );
    expect(org).toEqual({ invited: 19, responded: 8, respondedAtMost: 3 + 7 + 2, atLeast: true, teams: 3, teamsAtLeast: 2 });
    expect(orgCountText(org)).toBe("8 or more of 19");
    expect(rateText(org)).toBe("42% or more");
  });

  it("is nothing of nothing for an open cycle without teams", () => {
    const org = orgCount([]);
    expect(org).toEqual({ invited: 0, responded: 0, respondedAtMost: 0, atLeast: false, teams: 0, teamsAtLeast: 0 });
    expect(orgCountText(org)).toBe("0 of 0");
    expect(rateText(org)).toBe("–");
  });

  it("always brackets the true total between its floor and its ceiling, and is exact exactly when every team is", () => {
    fc.assert(
      fc.property(organisation, (teams) => {
        const org = orgCount(shown(teams));
        const truth = sum(teams.map((t) => t.responded));
        expect(org.invited).toBe(sum(teams.map((t) => t.invited)));
        expect(org.responded).toBeLessThanOrEqual(truth);
        expect(org.respondedAtMost).toBeGreaterThanOrEqual(truth);
        expect(org.respondedAtMost).toBeLessThanOrEqual(org.invited);
        expect(org.atLeast).toBe(shown(teams).some((count) => count.atLeast));
        if (!org.atLeast) expect(org.responded).toBe(truth);
      }),
    );
  });

  it("tells nothing the team counts do not: every exact state behind the same shown counts gives the same organisation figure", () => {
    // The subtraction attack: were the organisation's figure the exact total, a coarsened
    // team's exact count would be that total minus the other teams' counts. Here it cannot
    // be, because the figure never moves while the shown team counts stay put.
    fc.assert(
      fc.property(
        organisation.chain((teams) => fc.tuple(fc.constant(teams), sameShownCounts(teams))),
        ([teams, other]) => {
          expect(shown(other)).toEqual(shown(teams));
          expect(orgCount(shown(other))).toEqual(orgCount(shown(teams)));
          expect(orgCountText(orgCount(shown(other)))).toBe(orgCountText(orgCount(shown(teams))));
        },
      ),
    );
  });

  it("never goes down as answers come in", () => {
    fc.assert(
      fc.property(organisation, fc.nat(), (teams, pick) => {
        const open = teams.map((t, i) => [t, i] as const).filter(([t]) => t.responded < t.invited);
        fc.pre(open.length > 0);
        const [, index] = open[pick % open.length]!;
        const after = teams.map((t, i) => (i === index ? { ...t, responded: t.responded + 1 } : t));
        expect(orgCount(shown(after)).responded).toBeGreaterThanOrEqual(orgCount(shown(teams)).responded);
      }),
    );
  });
});

describe("percentOf and rateText", () => {
  it("round down, so that a floor is never more than true", () => {
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(7, 7)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
    fc.assert(
      fc.property(team, ({ invited, responded }) => {
        const percent = percentOf(responded, invited)!;
        expect(percent).toBeLessThanOrEqual((100 * responded) / invited);
        expect(percent).toBeGreaterThan((100 * responded) / invited - 1);
      }),
    );
  });

  it("read as the team counts do", () => {
    expect(rateText(countWhileOpen(3, 7))).toBe("42%");
    expect(rateText(countWhileOpen(6, 7))).toBe("71% or more");
    expect(rateText(countWhileOpen(1, 3))).toBe("33% or more");
    // A team of one or two has no number, so no share either.
    expect(rateText(countWhileOpen(2, 2))).toBe("–");
    expect(rateText(countWhileOpen(0, 1))).toBe("–");
  });

  it("are the same for the last two raters of a team", () => {
    fc.assert(
      fc.property(team, ({ invited, responded }) => {
        fc.pre(responded < invited && invited - responded <= 2);
        expect(rateText(countWhileOpen(responded + 1, invited))).toBe(rateText(countWhileOpen(responded, invited)));
      }),
    );
  });
});

describe("byLowestShare", () => {
  const row = (managerName: string, count: ResponseCount, managerId = managerName) => ({ managerId, managerName, count });

  it("puts the lowest share first, teams without a number last, then by name", () => {
    const teams = [
      row("Zoe", countWhileOpen(5, 7)),
      row("Ann", countWhileOpen(1, 2)),
      row("Bob", countWhileOpen(1, 10)),
      row("Cat", countWhileOpen(0, 5)),
      row("Dan", countWhileOpen(1, 10)),
      row("Eve", countWhileOpen(3, 6)),
    ];
    expect(byLowestShare(teams).map((team) => team.managerName)).toEqual(["Cat", "Bob", "Dan", "Eve", "Zoe", "Ann"]);
  });

  it("breaks a tie of names by id, and leaves its input alone", () => {
    const teams = [row("Sam", countWhileOpen(1, 5), "b"), row("Sam", countWhileOpen(1, 5), "a")];
    expect(byLowestShare(teams).map((team) => team.managerId)).toEqual(["a", "b"]);
    expect(teams.map((team) => team.managerId)).toEqual(["b", "a"]);
  });

  it("gives one order whatever the input order, read from the shown counts alone", () => {
    const named = fc
      .array(fc.tuple(fc.string({ maxLength: 4 }), team), { maxLength: 15 })
      .map((entries) => entries.map(([name, t], i) => ({ name, id: `id-${i}`, ...t })));
    fc.assert(
      fc.property(
        named.chain((teams) =>
          fc.tuple(fc.constant(teams), fc.shuffledSubarray(teams, { minLength: teams.length, maxLength: teams.length }), sameShownCounts(teams)),
        ),
        ([teams, shuffled, other]) => {
          const rows = (list: typeof teams) => list.map((t) => row(t.name, countWhileOpen(t.responded, t.invited), t.id));
          const order = byLowestShare(rows(teams)).map((team) => team.managerId);
          expect(byLowestShare(rows(shuffled)).map((team) => team.managerId)).toEqual(order);
          expect(byLowestShare(rows(other.map((t, i) => ({ ...t, name: teams[i]!.name, id: teams[i]!.id })))).map((team) => team.managerId)).toEqual(order);
        },
      ),
    );
  });
});

describe("daysLeft", () => {
  const today = clock.today();

  it("counts today and the close date, through which the cycle takes answers", () => {
    expect(daysLeft(today, today)).toBe(1);
    expect(daysLeft(today, addDays(today, 1))).toBe(2);
    expect(daysLeft(today, addDays(today, 14))).toBe(15);
    expect(daysLeft(today, addDays(today, -1))).toBe(0);
  });

  it("is one more than the days between, and none once the close date has passed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -3000, max: 3000 }), (offset, shift) => {
        const day = addDays(today, shift);
        expect(daysLeft(day, addDays(day, offset))).toBe(Math.max(offset + 1, 0));
      }),
    );
  });

  it("refuses what is not a calendar day", () => {
    // February has no 30th, in any year.
    expect(() => daysLeft(today, `${today.slice(0, 4)}-02-30`)).toThrow(RangeError);
  });

  it("reads as a sentence", () => {
    expect(daysLeftText(15)).toBe("15 days left, today included");
    expect(daysLeftText(2)).toBe("2 days left, today included");
    expect(daysLeftText(1)).toBe("Today is the last day");
    expect(daysLeftText(0)).toBe("Its close date has passed");
  });
});

import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import {
  aggregateResponses,
  DEFAULT_THRESHOLDS,
  resolveThresholds,
  secureRandom,
  shuffle,
  suppressOrg,
  suppressTeam,
  type TeamAggregate,
  type TeamReport,
} from "@/lib/scoring";
import { response, responses } from "./support/builders";

function shown(report: TeamReport) {
  if (!report.shown) throw new Error(`expected a shown report, got ${report.reason}`);
  return report;
}

describe("resolveThresholds", () => {
  it("defaults to k = 3 and a comment threshold of 5", () => {
    expect(resolveThresholds()).toEqual({ k: 3, commentThreshold: 5 });
    expect(resolveThresholds({})).toEqual(DEFAULT_THRESHOLDS);
  });

  it("never lets k fall below 3 or the comment threshold below k", () => {
    expect(resolveThresholds({ k: 2 })).toEqual({ k: 3, commentThreshold: 5 });
    expect(resolveThresholds({ k: 0, commentThreshold: 1 })).toEqual({ k: 3, commentThreshold: 3 });
    expect(resolveThresholds({ k: -5 })).toEqual({ k: 3, commentThreshold: 5 });
    expect(resolveThresholds({ k: 4 })).toEqual({ k: 4, commentThreshold: 5 });
    expect(resolveThresholds({ k: 7 })).toEqual({ k: 7, commentThreshold: 7 });
    expect(resolveThresholds({ k: 4, commentThreshold: 9 })).toEqual({ k: 4, commentThreshold: 9 });
  });

  it("rounds fractions up and replaces NaN with the default", () => {
    expect(resolveThresholds({ k: 3.2, commentThreshold: 5.5 })).toEqual({ k: 4, commentThreshold: 6 });
    expect(resolveThresholds({ k: Number.NaN, commentThreshold: Number.NaN })).toEqual({ k: 3, commentThreshold: 5 });
  });

  it("treats an infinite threshold as 'show nothing', never as the default", () => {
    expect(resolveThresholds({ k: Number.POSITIVE_INFINITY }).k).toBe(Number.POSITIVE_INFINITY);
    expect(resolveThresholds({ k: Number.NEGATIVE_INFINITY }).k).toBe(3);
    const report = suppressTeam(aggregateResponses(responses(50, { management: 3 })), { k: Number.POSITIVE_INFINITY });
    expect(report).toEqual({ shown: false, reason: "team_below_threshold" });
  });
});

describe("suppressTeam: respondents", () => {
  for (const k of [3, 4]) {
    it(`k = ${k}: hides the team at k − 1 respondents and shows it at k and k + 1`, () => {
      const answers = { management: 4, leadership: 2, need: 1 } as const;
      const below = suppressTeam(aggregateResponses(responses(k - 1, answers)), { k });
      expect(below).toEqual({ shown: false, reason: "team_below_threshold" });
      expect(Object.keys(below)).toEqual(["shown", "reason"]);

      for (const n of [k, k + 1]) {
        const report = shown(suppressTeam(aggregateResponses(responses(n, answers)), { k }));
        expect(report.respondents).toBe(n);
        expect(report.aspects.focus.management).toMatchObject({ shown: true, value: 4, n, sd: 0 });
        expect(report.aspects.focus.need).toMatchObject({ shown: true, value: 1, n });
      }
    });
  }

  it("n = 0, 1, 2 are all hidden with the same reason and no count", () => {
    for (const n of [0, 1, 2]) {
      expect(suppressTeam(aggregateResponses(responses(n, { management: 5 })))).toEqual({
        shown: false,
        reason: "team_below_threshold",
      });
    }
  });

  it("a team of can't-say raters is shown as a team but every value is absent", () => {
    const report = shown(suppressTeam(aggregateResponses(responses(3))));
    expect(report.respondents).toBe(3);
    for (const key of ASPECT_KEYS) {
      expect(report.aspects[key]).toEqual({
        management: { shown: false, reason: "below_threshold" },
        leadership: { shown: false, reason: "below_threshold" },
        need: { shown: false, reason: "below_threshold" },
        balance: { shown: false, reason: "pole_hidden" },
        versatility: { shown: false, reason: "pole_hidden" },
      });
    }
    expect(report.balance).toEqual({ shown: false, reason: "no_data" });
    expect(report.versatility).toEqual({ shown: false, reason: "no_data" });
  });
});

describe("suppressTeam: values", () => {
  // Focus: M 4, 5, 3 · L 2, 2, 3 · need 1, 2, can't say. Motivation: M 5, 5, can't say.
  const aggregate = aggregateResponses([
    response({}, { focus: { management: 4, leadership: 2, need: 1 }, motivation: { management: 5, leadership: 3 } }),
    response({}, { focus: { management: 5, leadership: 2, need: 2 }, motivation: { management: 5, leadership: 3 } }),
    response({}, { focus: { management: 3, leadership: 3, need: null }, motivation: { leadership: 3 } }),
  ]);
  const report = shown(suppressTeam(aggregate));

  it("shows a pole with its n, sd and interval", () => {
    const m = report.aspects.focus.management;
    expect(m).toMatchObject({ shown: true, value: 4, n: 3 });
    if (!m.shown) throw new Error("management should be shown");
    expect(m.sd).toBeCloseTo(1, 12);
    expect(m.ci.low).toBeCloseTo(4 - 2.4841377, 6);
    // 4 + 2.48 would pass the top of the scale: the interval stops at 5 and says so.
    expect(m.ci.high).toBe(5);
    expect(m.ci.clamped).toBe(true);
    expect(m.standardError).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(m.degreesOfFreedom).toBe(2);
    const l = report.aspects.focus.leadership;
    if (!l.shown) throw new Error("leadership should be shown");
    expect(l.value).toBeCloseTo(7 / 3, 12);
    expect(l.sd).toBeCloseTo(0.5773503, 6);
  });

  it("derives balance, versatility and lopsidedness from the two shown poles", () => {
    expect(report.aspects.focus.balance).toMatchObject({ shown: true, lopsided: true });
    const b = report.aspects.focus.balance;
    const v = report.aspects.focus.versatility;
    if (!b.shown || !v.shown) throw new Error("balance and versatility should be shown");
    expect(b.value).toBeCloseTo(-5 / 12, 12);
    expect(v.value).toBeCloseTo(19 / 6, 12);
  });

  it("hides a need below k on its own, even when the poles are shown", () => {
    expect(report.aspects.focus.need).toEqual({ shown: false, reason: "below_threshold" });
  });

  it("hides a pole with k − 1 answers and every figure that needs it", () => {
    expect(report.aspects.motivation.management).toEqual({ shown: false, reason: "below_threshold" });
    expect(report.aspects.motivation.leadership).toMatchObject({ shown: true, value: 3, n: 3 });
    expect(report.aspects.motivation.balance).toEqual({ shown: false, reason: "pole_hidden" });
    expect(report.aspects.motivation.versatility).toEqual({ shown: false, reason: "pole_hidden" });
  });

  it("averages overall balance and versatility over the aspects that are shown", () => {
    expect(report.balance).toMatchObject({ shown: true, aspects: 1 });
    if (!report.balance.shown || !report.versatility.shown) throw new Error("overall should be shown");
    expect(report.balance.value).toBeCloseTo(-5 / 12, 12);
    expect(report.versatility.value).toBeCloseTo(19 / 6, 12);
  });

  it("never puts a count or value on an absent figure", () => {
    const absent = report.aspects.motivation.management;
    expect(Object.keys(absent).sort()).toEqual(["reason", "shown"]);
  });

  it("marks an aspect with poles less than 1 apart as not lopsided", () => {
    const balanced = shown(suppressTeam(aggregateResponses(responses(3, { management: 4, leadership: 4 }))));
    const exact = { standardError: 0, degreesOfFreedom: 2 };
    expect(balanced.aspects.adaptability.balance).toEqual({ shown: true, value: 0, lopsided: false, precision: exact });
    expect(balanced.balance).toEqual({ shown: true, value: 0, aspects: 7, precision: exact });
    expect(balanced.versatility).toEqual({ shown: true, value: 4, aspects: 7, precision: exact });
  });
});

describe("suppressTeam: comments", () => {
  const withComments = (count: number, respondents: number) =>
    aggregateResponses([
      ...Array.from({ length: count }, (_, i) => response({ management: 3 }, {}, `comment ${i + 1}`)),
      ...responses(respondents - count, { management: 3 }),
    ]);

  it("hides comments below their own threshold (4 of 5) and shows them at 5 and 6", () => {
    const four = shown(suppressTeam(withComments(4, 6)));
    expect(four.comments).toEqual({ shown: false, reason: "below_comment_threshold" });
    for (const count of [5, 6]) {
      const report = shown(suppressTeam(withComments(count, 6)));
      if (!report.comments.shown) throw new Error("comments should be shown");
      expect([...report.comments.items].sort()).toEqual(Array.from({ length: count }, (_, i) => `comment ${i + 1}`).sort());
    }
  });

  it("does not count blank comments", () => {
    const aggregate: TeamAggregate = { ...withComments(4, 6), comments: ["a", "b", "c", "d", "  "] };
    expect(shown(suppressTeam(aggregate)).comments).toEqual({ shown: false, reason: "below_comment_threshold" });
  });

  it("shows comments shuffled by the injected random source, not in submission order", () => {
    const report = shown(suppressTeam(withComments(5, 5), DEFAULT_THRESHOLDS, () => 0));
    expect(report.comments).toEqual({
      shown: true,
      items: ["comment 2", "comment 3", "comment 4", "comment 5", "comment 1"],
    });
  });

  it("applies a comment threshold of at least k", () => {
    const aggregate = withComments(5, 6);
    const report = shown(suppressTeam(aggregate, { k: 6, commentThreshold: 5 }));
    expect(report.comments).toEqual({ shown: false, reason: "below_comment_threshold" });
  });

  it("shows no comments at all when the team is below k", () => {
    const aggregate: TeamAggregate = { ...withComments(2, 2), comments: ["1", "2", "3", "4", "5"] };
    expect(suppressTeam(aggregate)).toEqual({ shown: false, reason: "team_below_threshold" });
  });
});

describe("shuffle and secureRandom", () => {
  it("returns a new permutation and leaves the input alone", () => {
    const items = ["a", "b", "c", "d"];
    const result = shuffle(items, () => 0.5);
    expect(items).toEqual(["a", "b", "c", "d"]);
    expect([...result].sort()).toEqual(items);
    expect(shuffle([], () => 0)).toEqual([]);
    expect(shuffle(["only"], () => 0)).toEqual(["only"]);
  });

  it("stays in bounds even if a random source returns 1", () => {
    expect([...shuffle(["a", "b", "c"], () => 1)].sort()).toEqual(["a", "b", "c"]);
  });

  it("draws from the platform's secure generator in [0, 1)", () => {
    for (let i = 0; i < 100; i++) {
      const value = secureRandom();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(shuffle(["a", "b", "c"])).toHaveLength(3);
  });
});

describe("suppressOrg", () => {
  const teamA = aggregateResponses(responses(4, { management: 4, leadership: 2, need: 1 })); // included
  const teamB = aggregateResponses(responses(2, { management: 1, leadership: 5, need: -2 })); // below k
  const teamC = aggregateResponses([
    ...responses(3, { management: 2, leadership: 4 }, { focus: { management: null } }),
    response({ management: 2, leadership: 4 }),
  ]); // included; its focus management has only 1 answer

  it("pools only teams that meet k, and says how many were left out", () => {
    const report = suppressOrg([teamA, teamB, teamC]);
    expect(report.teamsIncluded).toBe(2);
    expect(report.teamsLeftOut).toBe(1);
    if (!report.shown) throw new Error("org should be shown");
    expect(report.respondents).toBe(8);
    // Motivation M: four 4s from A, four 2s from C → mean 3, n 8.
    expect(report.aspects.motivation.management).toMatchObject({ shown: true, value: 3, n: 8 });
    // Need: A's four 1s only; C has no need answers.
    expect(report.aspects.motivation.need).toMatchObject({ shown: true, value: 1, n: 4 });
  });

  it("drops a series below k inside an included team instead of merging it", () => {
    const report = suppressOrg([teamA, teamC]);
    if (!report.shown) throw new Error("org should be shown");
    // Focus M: C has a single answer, so only A's four 4s count.
    expect(report.aspects.focus.management).toMatchObject({ shown: true, value: 4, n: 4 });
    expect(report.aspects.focus.leadership).toMatchObject({ shown: true, value: 3, n: 8 });
  });

  it("is absent when no team meets k on its own", () => {
    expect(suppressOrg([])).toEqual({ teamsIncluded: 0, teamsLeftOut: 0, shown: false, reason: "no_team_meets_threshold" });
    expect(suppressOrg([teamB, teamB])).toEqual({
      teamsIncluded: 0,
      teamsLeftOut: 2,
      shown: false,
      reason: "no_team_meets_threshold",
    });
  });

  it("uses the clamped threshold: k = 1 still leaves out a team of 2", () => {
    expect(suppressOrg([teamA, teamB], { k: 1 })).toMatchObject({ teamsIncluded: 1, teamsLeftOut: 1 });
    expect(suppressOrg([teamA, teamB], { k: 5 })).toMatchObject({ teamsIncluded: 0, teamsLeftOut: 2, shown: false });
  });
});

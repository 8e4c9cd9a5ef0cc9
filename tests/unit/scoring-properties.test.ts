import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS, type AspectKey } from "@/lib/aspects";
import {
  aggregateResponses,
  balance,
  fromMoments,
  momentsOf,
  addMoments,
  nonEmpty,
  type RaterResponse,
  summarise,
  suppressOrg,
  suppressTeam,
  type TeamAggregate,
} from "@/lib/scoring";
import * as arb from "./support/arbitraries";

const swapPoles = (responses: readonly RaterResponse[]): RaterResponse[] =>
  responses.map((r) => ({
    ...r,
    aspects: Object.fromEntries(
      ASPECT_KEYS.map((key) => [key, { ...r.aspects[key], management: r.aspects[key].leadership, leadership: r.aspects[key].management }]),
    ) as RaterResponse["aspects"],
  }));

describe("balance properties", () => {
  it("b stays in [−1, 1] for any pole scores on the scale", () => {
    fc.assert(
      fc.property(arb.poleValue, arb.poleValue, (m, l) => {
        const b = balance(m, l);
        expect(b).toBeGreaterThanOrEqual(-1);
        expect(b).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("every shown b and the overall B stay in [−1, 1]", () => {
    fc.assert(
      fc.property(arb.team(12), (responses) => {
        const report = suppressTeam(aggregateResponses(responses));
        if (!report.shown) return;
        for (const key of ASPECT_KEYS) {
          const b = report.aspects[key].balance;
          if (b.shown) expect(Math.abs(b.value)).toBeLessThanOrEqual(1);
        }
        if (report.balance.shown) expect(Math.abs(report.balance.value)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("swapping management and leadership answers negates b and B exactly", () => {
    fc.assert(
      fc.property(arb.team(12), (responses) => {
        const original = suppressTeam(aggregateResponses(responses));
        const swapped = suppressTeam(aggregateResponses(swapPoles(responses)));
        expect(swapped.shown).toBe(original.shown);
        if (!original.shown || !swapped.shown) return;
        for (const key of ASPECT_KEYS) {
          const a = original.aspects[key].balance;
          const s = swapped.aspects[key].balance;
          expect(s.shown).toBe(a.shown);
          if (a.shown && s.shown) {
            expect(s.value === -a.value).toBe(true);
            expect(s.lopsided).toBe(a.lopsided);
          }
        }
        expect(swapped.balance.shown).toBe(original.balance.shown);
        if (original.balance.shown && swapped.balance.shown) {
          expect(swapped.balance.value === -original.balance.value).toBe(true);
        }
      }),
    );
  });
});

describe("statistics properties", () => {
  it("pooling sufficient statistics matches summarising the combined answers", () => {
    const values = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const pooled = fromMoments(addMoments(momentsOf(a), momentsOf(b)));
        const direct = summarise([...a, ...b]);
        expect(pooled.n).toBe(direct.n);
        expect(pooled.mean === null).toBe(direct.mean === null);
        expect(pooled.ci === null).toBe(direct.ci === null);
        if (direct.mean !== null) expect(pooled.mean).toBeCloseTo(direct.mean, 10);
        if (direct.sd !== null) expect(pooled.sd).toBeCloseTo(direct.sd, 8);
        if (direct.ci !== null && direct.mean !== null) {
          expect(pooled.ci?.low).toBeCloseTo(direct.ci.low, 8);
          expect(direct.ci.low).toBeLessThanOrEqual(direct.mean);
          expect(direct.ci.high).toBeGreaterThanOrEqual(direct.mean);
        }
      }),
    );
  });
});

describe("suppression properties", () => {
  it("never shows a value computed from fewer than k answers", () => {
    fc.assert(
      fc.property(arb.team(12), arb.k, fc.integer({ min: 0, max: 10 }), (responses, k, commentThreshold) => {
        const report = suppressTeam(aggregateResponses(responses), { k, commentThreshold });
        if (!report.shown) {
          expect(responses.length).toBeLessThan(k);
          return;
        }
        expect(report.respondents).toBeGreaterThanOrEqual(k);
        for (const key of ASPECT_KEYS) {
          const answers = responses.map((r) => r.aspects[key]);
          const series = {
            management: nonEmpty(answers.map((a) => a.management)),
            leadership: nonEmpty(answers.map((a) => a.leadership)),
            need: nonEmpty(answers.map((a) => a.need)),
          };
          for (const item of ["management", "leadership", "need"] as const) {
            const value = report.aspects[key][item];
            const actual = series[item];
            if (value.shown) {
              expect(actual.length).toBeGreaterThanOrEqual(k);
              expect(value.n).toBe(actual.length);
              expect(value.value).toBe(summarise(actual).mean);
            } else {
              expect(actual.length).toBeLessThan(k);
              expect(value).not.toHaveProperty("n");
              expect(value).not.toHaveProperty("value");
            }
          }
          const bothShown = series.management.length >= k && series.leadership.length >= k;
          expect(report.aspects[key].balance.shown).toBe(bothShown);
          expect(report.aspects[key].versatility.shown).toBe(bothShown);
        }
        const comments = responses.filter((r) => r.comment !== undefined && r.comment.trim() !== "").length;
        expect(report.comments.shown).toBe(comments >= Math.max(k, commentThreshold));
      }),
    );
  });

  const belowK = (k: number) => fc.array(arb.raterResponse, { maxLength: k - 1 }).map((responses) => aggregateResponses(responses));
  const atLeastK = (k: number) => fc.array(arb.raterResponse, { minLength: k, maxLength: k + 6 }).map((responses) => aggregateResponses(responses));

  it("an org aggregate never depends on a team below k", () => {
    const scenario = arb.k.chain((k) =>
      fc.record({
        k: fc.constant(k),
        included: fc.array(atLeastK(k), { maxLength: 4 }),
        leftOut: fc.array(fc.tuple(belowK(k), belowK(k)), { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ k, included, leftOut }) => {
        const first = suppressOrg([...included, ...leftOut.map(([a]) => a)], { k });
        const second = suppressOrg([...leftOut.map(([, b]) => b), ...included], { k });
        expect(first).toEqual(second);
        expect(first.teamsIncluded).toBe(included.length);
        expect(first.teamsLeftOut).toBe(leftOut.length);
      }),
    );
  });

  it("an org aggregate never depends on a series below k inside an included team", () => {
    const scenario = arb.k.chain((k) =>
      fc.record({
        k: fc.constant(k),
        teams: fc.array(atLeastK(k), { minLength: 1, maxLength: 4 }),
        noise: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: k - 1 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ k, teams, noise }) => {
        // Replace every sub-k series with different sub-k data: the result must not move.
        const scramble = (team: TeamAggregate): TeamAggregate => ({
          ...team,
          aspects: Object.fromEntries(
            ASPECT_KEYS.map((key): [AspectKey, TeamAggregate["aspects"][AspectKey]] => {
              const a = team.aspects[key];
              const replace = (m: typeof a.management) => (m.n < k ? momentsOf(noise) : m);
              return [key, { management: replace(a.management), leadership: replace(a.leadership), need: replace(a.need), difference: replace(a.difference) }];
            }),
          ) as TeamAggregate["aspects"],
        });
        expect(suppressOrg(teams.map(scramble), { k })).toEqual(suppressOrg(teams, { k }));
      }),
    );
  });
});

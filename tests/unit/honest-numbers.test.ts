import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import {
  balanceChange,
  changeBetween,
  changeCellText,
  changeText,
  disagreementSentence,
  disagrees,
  intervalText,
  respondentsChanged,
  statisticText,
  versatilityChange,
} from "@/lib/report";
import {
  aggregateResponses,
  differenceOf,
  precisionOf,
  RATER_UNITS,
  type RaterResponse,
  spreadOf,
  suppressTeam,
  tCritical95,
  withinScale,
} from "@/lib/scoring";
import { response, responses } from "./support/builders";

const rating = fc.constantFrom(1, 2, 3, 4, 5);
const ratings = fc.array(rating, { minLength: 3, maxLength: 40 });
const needs = fc.array(fc.constantFrom(-2, -1, 0, 1, 2), { minLength: 3, maxLength: 40 });

function shownTeam(list: readonly RaterResponse[]) {
  const report = suppressTeam(aggregateResponses(list));
  if (!report.shown) throw new Error("expected a shown team");
  return report;
}

describe("intervals inside the scale", () => {
  it("keeps every pole interval within 1–5 and every need interval within −2 … +2, and says when it cut one", () => {
    fc.assert(
      fc.property(ratings, needs, (values, needValues) => {
        const team = shownTeam(values.map((m, i) => response({ management: m as 1, leadership: 3, need: (needValues[i % needValues.length] ?? 0) as 0 })));
        const { management, need } = team.aspects.focus;
        if (!management.shown || !need.shown) throw new Error("expected shown scores");
        expect(management.ci.low).toBeGreaterThanOrEqual(1);
        expect(management.ci.high).toBeLessThanOrEqual(5);
        expect(need.ci.low).toBeGreaterThanOrEqual(-2);
        expect(need.ci.high).toBeLessThanOrEqual(2);
        const raw = spreadOf({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumOfSquares: values.reduce((a, b) => a + b * b, 0) })!;
        expect(management.ci.clamped).toBe(raw.ci.low < 1 || raw.ci.high > 5);
        expect(management.ci.low).toBeLessThanOrEqual(management.value);
        expect(management.ci.high).toBeGreaterThanOrEqual(management.value);
      }),
    );
  });

  it("shows the reported case, 4.7 at n 3, as cut at 5 rather than reaching 6.1", () => {
    const team = shownTeam([
      response({ management: 5, leadership: 3 }),
      response({ management: 5, leadership: 3 }),
      response({ management: 4, leadership: 3 }),
    ]);
    const score = team.aspects.focus.management;
    if (!score.shown) throw new Error("expected a shown score");
    expect(withinScale({ low: 3.2, high: 6.1 }, { min: 1, max: 5 })).toEqual({ low: 3.2, high: 5, clamped: true });
    expect(statisticText(score)).toBe("4.7 (n 3, SD 0.6, 3.2\u20135.0, cut at the end of the scale)");
  });

  it("says that everyone answered the same instead of a zero-width interval", () => {
    const team = shownTeam(responses(5, { management: 4, leadership: 4 }));
    const score = team.aspects.focus.management;
    if (!score.shown) throw new Error("expected a shown score");
    expect(intervalText(score)).toBe("everyone answered the same");
    expect(statisticText(score)).toBe("4.0 (n 5, SD 0.0, everyone answered the same)");
  });

  it("calls a standard deviation from 1.2 up disagreement", () => {
    expect(disagrees({ sd: 1.2 })).toBe(true);
    expect(disagrees({ sd: 1.19 })).toBe(false);
    const split = shownTeam([...responses(3, { management: 1, leadership: 3 }), ...responses(3, { management: 5, leadership: 3 })]);
    const score = split.aspects.focus.management;
    expect(score.shown && disagrees(score)).toBe(true);
  });
});

describe("the difference between two cycles", () => {
  it("is Welch's interval, which for equal spreads and sizes is the pooled t-interval", () => {
    const difference = differenceOf({ value: 4, standardError: 0.2, degreesOfFreedom: 9 }, { value: 3.5, standardError: 0.2, degreesOfFreedom: 9 });
    const half = tCritical95(18) * Math.sqrt(0.08);
    expect(difference.value).toBe(0.5);
    expect(difference.ci.low).toBeCloseTo(0.5 - half, 12);
    expect(difference.ci.high).toBeCloseTo(0.5 + half, 12);
  });

  it("keeps a whole number of Welch degrees of freedom whole, though doubles put it a hair below", () => {
    // n 6 with variance 1/6 against n 4 with variance 1/3: exactly 5 degrees of freedom.
    const after = { value: 13 / 6, ...precisionOf({ n: 6, sum: 13, sumOfSquares: 29 })! };
    const before = { value: 10 / 4, ...precisionOf({ n: 4, sum: 10, sumOfSquares: 26 })! };
    expect(after.standardError ** 2).toBeCloseTo(1 / 36, 12);
    expect(before.standardError ** 2).toBeCloseTo(1 / 12, 12);
    const { ci, value } = differenceOf(after, before);
    expect(ci.high - value).toBeCloseTo(tCritical95(5) * Math.sqrt(1 / 36 + 1 / 12), 12);
  });

  it("is symmetric: swapping the cycles flips the sign and the interval", () => {
    const estimate = fc.record({
      value: fc.double({ min: 1, max: 5, noNaN: true }),
      standardError: fc.double({ min: 0, max: 2, noNaN: true }),
      degreesOfFreedom: fc.integer({ min: 2, max: 200 }),
    });
    fc.assert(
      fc.property(estimate, estimate, (a, b) => {
        const forward = differenceOf(a, b);
        const back = differenceOf(b, a);
        expect(back.value).toBeCloseTo(-forward.value, 12);
        expect(back.ci.low).toBeCloseTo(-forward.ci.high, 9);
        expect(forward.ci.low).toBeLessThanOrEqual(forward.value);
      }),
    );
  });

  it("calls a change only when its interval leaves out 0", () => {
    const precise = { standardError: 0.1, degreesOfFreedom: 20 };
    expect(changeBetween({ value: 3, precision: precise }, { value: 3.6, precision: precise }, 1).clear).toBe(true);
    expect(changeBetween({ value: 3, precision: precise }, { value: 3.2, precision: precise }, 1).clear).toBe(false);
    expect(changeBetween({ value: 3, precision: null }, { value: 4.9, precision: precise }, 1)).toEqual({
      value: 1.9000000000000004,
      ci: null,
      clear: false,
      digits: 1,
    });
  });

  it("does not call a change clear when its interval, as shown, reaches 0", () => {
    // −0.2 with a half-width just under 0.2: the interval ends a hair below 0, which shows as 0.0.
    const halfWidth = 0.19;
    const precise = { standardError: halfWidth / tCritical95(38) / Math.SQRT2, degreesOfFreedom: 19 };
    const change = changeBetween({ value: 3.2, precision: precise }, { value: 3, precision: precise }, 1);
    expect(change.ci?.high).toBeCloseTo(-0.01, 9);
    expect(change.clear).toBe(false);
    expect(changeBetween({ value: 3.2, precision: precise }, { value: 3, precision: precise }, 2).clear).toBe(true);
  });

  it("never calls a change between two samples of the same answers", () => {
    fc.assert(
      fc.property(ratings, ratings, (m, l) => {
        const list = m.map((value, i) => response({ management: value as 1, leadership: (l[i % l.length] ?? 3) as 1 }));
        const team = shownTeam(list);
        expect(balanceChange(team, team)?.clear ?? false).toBe(false);
        expect(versatilityChange(team, team)?.clear ?? false).toBe(false);
      }),
    );
  });

  it("words a change with its verdict and interval", () => {
    expect(changeText({ value: 0.55, ci: { low: 0.1, high: 1 }, clear: true, digits: 1 })).toBe("+0.6, a clear rise (95% interval +0.1 to +1.0)");
    expect(changeText({ value: -0.2, ci: { low: -0.7, high: 0.3 }, clear: false, digits: 1 })).toBe(
      "\u22120.2, no clear change (95% interval \u22120.7 to +0.3)",
    );
    expect(changeText({ value: 0.2, ci: null, clear: false, digits: 2 })).toBe("+0.20, no clear change (too few people rated both sides to tell)");
    expect(changeCellText({ value: -0.55, ci: { low: -1, high: -0.1 }, clear: true, digits: 1 })).toBe("\u22120.6 (\u22121.0 to \u22120.1), clear fall");
    expect(changeCellText({ value: 0.2, ci: { low: -0.3, high: 0.7 }, clear: false, digits: 2 })).toBe("+0.20 (\u22120.30 to +0.70)");
  });
});

describe("the precision of B", () => {
  it("comes from each rater's own balance, so raters who agree make B precise", () => {
    const agreeing = shownTeam(responses(6, { management: 2, leadership: 4 }));
    if (!agreeing.balance.shown) throw new Error("expected B");
    expect(agreeing.balance.precision).toEqual({ standardError: 0, degreesOfFreedom: 5 });
    const mixed = shownTeam([...responses(3, { management: 2, leadership: 4 }), ...responses(3, { management: 4, leadership: 2 })]);
    if (!mixed.balance.shown) throw new Error("expected B");
    expect(mixed.balance.precision?.standardError).toBeCloseTo((1 / Math.sqrt(6) / 2) * Math.sqrt(6 / 5), 12);
  });

  it("keeps each rater's mean in whole units of 1/420, however many aspects they rated", () => {
    expect(RATER_UNITS).toBe(420);
    fc.assert(
      fc.property(fc.array(fc.option(fc.tuple(rating, rating), { nil: null }), { minLength: ASPECT_KEYS.length, maxLength: ASPECT_KEYS.length }), (pairs) => {
        const overrides = Object.fromEntries(ASPECT_KEYS.map((key, i) => [key, pairs[i] ? { management: pairs[i][0], leadership: pairs[i][1] } : {}]));
        const aggregate = aggregateResponses([response({}, overrides as never)]);
        expect(Number.isInteger(aggregate.raters.difference.sum)).toBe(true);
        expect(Number.isInteger(aggregate.raters.total.sum)).toBe(true);
      }),
    );
  });
});

describe("respondentsChanged", () => {
  it("says so when fewer than half of this cycle's respondents answered the previous one, and only where both met k", () => {
    expect(respondentsChanged(10, 8, 4, 3)).toBe(true);
    expect(respondentsChanged(10, 8, 5, 3)).toBe(false);
    expect(respondentsChanged(10, 2, 0, 3)).toBeNull();
    expect(respondentsChanged(2, 8, 0, 3)).toBeNull();
  });
});

describe("disagreementSentence", () => {
  it("names the scores on which the team is split, and nothing when it agrees", () => {
    const split = shownTeam([
      ...responses(3, { management: 1, leadership: 3 }, { focus: { leadership: 4 } }),
      ...responses(3, { management: 5, leadership: 3 }, { focus: { leadership: 4 } }),
    ]);
    expect(disagreementSentence(split.aspects)).toBe(
      "The team disagrees about managing on Focus (SD 2.2), managing on Decision-making (SD 2.2), managing on Motivation (SD 2.2), managing on Communication style (SD 2.2), managing on Adaptability (SD 2.2), managing on Conflict resolution (SD 2.2) and managing on Development (SD 2.2): some see it often, others rarely, so the average hides two different experiences.",
    );
    expect(disagreementSentence(shownTeam(responses(4, { management: 4, leadership: 3 })).aspects)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import {
  atLeast,
  balance,
  isLopsided,
  meanOfPresent,
  overallBalance,
  overallVersatility,
  poleScore,
  selfGap,
  selfProfile,
  type SelfAssessment,
  teamNeed,
  versatility,
} from "@/lib/scoring";

describe("poleScore and teamNeed", () => {
  it("leave can't-say answers out of n and the mean", () => {
    expect(poleScore([])).toEqual({ n: 0, mean: null, sd: null, ci: null });
    expect(poleScore([null, null])).toEqual({ n: 0, mean: null, sd: null, ci: null });
    expect(poleScore([null, 3])).toEqual({ n: 1, mean: 3, sd: null, ci: null });
    const two = poleScore([5, null, 3]);
    expect(two.n).toBe(2);
    expect(two.mean).toBe(4);
    expect(teamNeed([2, 1, null, 0])).toMatchObject({ n: 3, mean: 1, sd: 1 });
    expect(teamNeed([-2, -2]).mean).toBe(-2);
  });
});

describe("balance, versatility, lopsided", () => {
  it("b = (L − M) / 4", () => {
    expect(balance(1, 5)).toBe(1);
    expect(balance(5, 1)).toBe(-1);
    expect(balance(3, 3)).toBe(0);
    expect(balance(4.3, 2.1)).toBeCloseTo(-0.55, 12);
  });

  it("versatility = (M + L) / 2", () => {
    expect(versatility(5, 5)).toBe(5);
    expect(versatility(1, 5)).toBe(3);
    expect(versatility(4.3, 2.1)).toBeCloseTo(3.2, 12);
  });

  it("lopsided when |L − M| ≥ 1, allowing for binary rounding", () => {
    expect(isLopsided(2, 3)).toBe(true);
    expect(isLopsided(3, 2)).toBe(true);
    expect(isLopsided(2, 2.9)).toBe(false);
    expect(isLopsided(3, 3)).toBe(false);
    // 13/3 − 10/3 is 0.9999999999999996 in floating point, but it is a gap of 1.
    expect(13 / 3 - 10 / 3).toBeLessThan(1);
    expect(isLopsided(10 / 3, 13 / 3)).toBe(true);
  });

  it("atLeast tolerates rounding but not real shortfalls", () => {
    expect(atLeast(0.9999999999999996, 1)).toBe(true);
    expect(atLeast(0.999, 1)).toBe(false);
    expect(atLeast(1.5, 1)).toBe(true);
  });
});

describe("overall figures", () => {
  it("average only the aspects that have a value, and are absent when none has", () => {
    expect(meanOfPresent([])).toBeNull();
    expect(meanOfPresent([null, null])).toBeNull();
    expect(meanOfPresent([0.5, null, -0.25])).toBe(0.125);
    expect(meanOfPresent([0])).toBe(0);
    expect(overallBalance([-1, 1, null])).toBe(0);
    expect(overallVersatility([3, 4, null, 5])).toBe(4);
  });
});

describe("selfGap", () => {
  it("is a blind spot when self − team ≥ 1", () => {
    expect(selfGap(4, 3)).toEqual({ gap: 1, kind: "blind_spot" });
    expect(selfGap(5, 13 / 3 - 1 / 3)).toMatchObject({ kind: "blind_spot" });
    expect(selfGap(5, 2.5)).toEqual({ gap: 2.5, kind: "blind_spot" });
  });

  it("is a hidden strength when team − self ≥ 1", () => {
    expect(selfGap(3, 4)).toEqual({ gap: -1, kind: "hidden_strength" });
    expect(selfGap(10 / 3, 13 / 3)).toMatchObject({ kind: "hidden_strength" });
  });

  it("is aligned in between", () => {
    expect(selfGap(3.5, 3)).toEqual({ gap: 0.5, kind: "aligned" });
    expect(selfGap(3, 3.99)).toMatchObject({ kind: "aligned" });
    expect(selfGap(4, 4)).toEqual({ gap: 0, kind: "aligned" });
  });
});

describe("selfProfile", () => {
  it("gives the manager's own poles, balance and versatility, absent when they can't say", () => {
    const self: SelfAssessment = {
      aspects: {
        ...Object.fromEntries(ASPECT_KEYS.map((key) => [key, { management: 3, leadership: 3 }])),
        motivation: { management: 5, leadership: 1 },
        development: { management: null, leadership: 4 },
      } as SelfAssessment["aspects"],
    };
    const profile = selfProfile(self);
    expect(Object.keys(profile)).toEqual([...ASPECT_KEYS]);
    expect(profile.focus).toEqual({ management: 3, leadership: 3, balance: 0, versatility: 3 });
    expect(profile.motivation).toEqual({ management: 5, leadership: 1, balance: -1, versatility: 3 });
    expect(profile.development).toEqual({ management: null, leadership: 4, balance: null, versatility: null });
  });
});

import { describe, expect, it } from "vitest";
import { addMoments, EMPTY_MOMENTS, fromMoments, momentsOf, spreadOf, summarise, tCritical95 } from "@/lib/scoring";

describe("momentsOf / addMoments", () => {
  it("counts, sums and sums squares", () => {
    expect(momentsOf([])).toEqual(EMPTY_MOMENTS);
    expect(momentsOf([1, 2, 3])).toEqual({ n: 3, sum: 6, sumOfSquares: 14 });
    expect(addMoments({ n: 1, sum: 2, sumOfSquares: 4 }, { n: 2, sum: 5, sumOfSquares: 13 })).toEqual({
      n: 3,
      sum: 7,
      sumOfSquares: 17,
    });
  });

  it("rejects values that are not finite numbers", () => {
    expect(() => momentsOf([1, Number.NaN])).toThrow(RangeError);
    expect(() => momentsOf([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe("summarise / fromMoments", () => {
  it("n = 0: no mean, no spread, no interval", () => {
    expect(summarise([])).toEqual({ n: 0, mean: null, sd: null, ci: null });
  });

  it("n = 1: a mean but no spread or interval", () => {
    expect(summarise([4])).toEqual({ n: 1, mean: 4, sd: null, ci: null });
  });

  it("n = 2: sample sd and a t interval with 1 degree of freedom", () => {
    const s = summarise([2, 4]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    // half-width = 12.7062047 × √2 / √2
    expect(s.ci?.low).toBeCloseTo(3 - 12.7062047, 6);
    expect(s.ci?.high).toBeCloseTo(3 + 12.7062047, 6);
  });

  it("n = 3 and n = 4, hand-computed", () => {
    const three = summarise([3, 4, 5]);
    expect(three.mean).toBe(4);
    expect(three.sd).toBeCloseTo(1, 12);
    expect(three.ci?.low).toBeCloseTo(4 - 2.4841377, 6);
    expect(three.ci?.high).toBeCloseTo(4 + 2.4841377, 6);

    const four = summarise([2, 3, 3, 4]);
    expect(four.mean).toBe(3);
    expect(four.sd).toBeCloseTo(0.8164966, 6);
    expect(four.ci?.low).toBeCloseTo(3 - 1.2992283, 6);
  });

  it("gives a zero spread, not a negative one, when all answers agree", () => {
    expect(summarise([4, 4, 4])).toEqual({ n: 3, mean: 4, sd: 0, ci: { low: 4, high: 4 } });
    // 0.1 three times leaves a variance of −3.5e−18 after rounding; it must read as 0.
    expect(summarise([0.1, 0.1, 0.1]).sd).toBe(0);
  });

  it("gives the same result from raw values and from the database's sums", () => {
    const values = [5, 3, 4, 4, 2, 5];
    expect(fromMoments({ n: 6, sum: 23, sumOfSquares: 95 })).toEqual(summarise(values));
  });

  it("rejects impossible counts", () => {
    expect(() => fromMoments({ n: -1, sum: 0, sumOfSquares: 0 })).toThrow(RangeError);
    expect(() => fromMoments({ n: 1.5, sum: 3, sumOfSquares: 9 })).toThrow(RangeError);
  });
});

describe("spreadOf", () => {
  it("needs at least two answers", () => {
    expect(spreadOf(EMPTY_MOMENTS)).toBeNull();
    expect(spreadOf({ n: 1, sum: 4, sumOfSquares: 16 })).toBeNull();
    expect(spreadOf({ n: 2, sum: 6, sumOfSquares: 20 })).toEqual({
      mean: 3,
      sd: Math.SQRT2,
      ci: { low: 3 - 12.7062047, high: 3 + 12.7062047 },
    });
    expect(() => spreadOf({ n: 2.5, sum: 6, sumOfSquares: 20 })).toThrow(RangeError);
  });
});

describe("tCritical95", () => {
  it("matches published two-sided 95% values", () => {
    expect(tCritical95(1)).toBeCloseTo(12.706, 3);
    expect(tCritical95(2)).toBeCloseTo(4.303, 3);
    expect(tCritical95(10)).toBeCloseTo(2.228, 3);
    expect(tCritical95(30)).toBeCloseTo(2.042, 3);
    expect(tCritical95(40)).toBeCloseTo(2.021075, 6);
    expect(tCritical95(60)).toBeCloseTo(2.000298, 6);
    expect(tCritical95(120)).toBeCloseTo(1.97993, 6);
    expect(tCritical95(1_000_000)).toBeCloseTo(1.96, 3);
  });

  it("joins the table smoothly and keeps falling toward 1.96", () => {
    expect(tCritical95(31)).toBeCloseTo(2.0395134, 6);
    let previous = Number.POSITIVE_INFINITY;
    for (let df = 1; df <= 500; df++) {
      const t = tCritical95(df);
      expect(t).toBeLessThan(previous);
      expect(t).toBeGreaterThan(1.959963);
      previous = t;
    }
  });

  it("rejects degrees of freedom that are not whole numbers ≥ 1", () => {
    for (const df of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => tCritical95(df)).toThrow(RangeError);
    }
  });
});

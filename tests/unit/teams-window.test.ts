import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowWindow } from "@/lib/teams/window";

describe("rowWindow", () => {
  it("renders the rows in view and a margin on each side", () => {
    expect(rowWindow({ offset: 0, viewport: 440, rowHeight: 44, count: 2000, overscan: 10 })).toEqual({ start: 0, end: 21 });
    expect(rowWindow({ offset: 4400, viewport: 440, rowHeight: 44, count: 2000, overscan: 10 })).toEqual({ start: 90, end: 121 });
    expect(rowWindow({ offset: 88_000, viewport: 440, rowHeight: 44, count: 2000, overscan: 10 })).toEqual({ start: 1990, end: 2000 });
  });

  it("starts at the top while the rows are still below the viewport's top edge", () => {
    expect(rowWindow({ offset: -200, viewport: 440, rowHeight: 44, count: 2000, overscan: 5 })).toEqual({ start: 0, end: 12 });
  });

  it("copes with no rows, a short list and a list scrolled past its end", () => {
    expect(rowWindow({ offset: 0, viewport: 440, rowHeight: 44, count: 0, overscan: 10 })).toEqual({ start: 0, end: 0 });
    expect(rowWindow({ offset: 0, viewport: 440, rowHeight: 44, count: 4, overscan: 10 })).toEqual({ start: 0, end: 4 });
    expect(rowWindow({ offset: 999_999, viewport: 440, rowHeight: 44, count: 4, overscan: 0 })).toEqual({ start: 3, end: 4 });
    expect(rowWindow({ offset: 0, viewport: 440, rowHeight: 0, count: 4, overscan: 0 })).toEqual({ start: 0, end: 0 });
  });

  it("always covers every row in view", () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 100_000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 3000 }), (offset, viewport, count) => {
        const { start, end } = rowWindow({ offset, viewport, rowHeight: 40, count, overscan: 3 });
        expect(0 <= start && start < end && end <= count).toBe(true);
        const firstVisible = Math.min(count - 1, Math.floor(Math.max(0, offset) / 40));
        const lastVisible = Math.min(count - 1, Math.floor(Math.max(0, offset + viewport - 1) / 40));
        if (firstVisible <= lastVisible) {
          expect(start).toBeLessThanOrEqual(firstVisible);
          expect(end).toBeGreaterThan(lastVisible);
        }
      }),
    );
  });
});

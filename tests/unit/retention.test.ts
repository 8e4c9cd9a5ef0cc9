import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClosingResponse, retainAtClose } from "@/lib/scoring";

const managers = ["a", "b", "c", "d"] as const;
const response: fc.Arbitrary<ClosingResponse<number>> = fc.record({
  managerId: fc.constantFrom(...managers),
  answers: fc.integer(),
  comment: fc.oneof(fc.constant(null), fc.constant("  "), fc.string({ minLength: 1, maxLength: 20 })),
});
const thresholds = fc.integer({ min: 3, max: 6 }).chain((k) => fc.record({ k: fc.constant(k), commentThreshold: fc.integer({ min: k, max: 8 }) }));

/** Per manager, how many took part: the responses' own count, as participation records it. */
function respondentsOf(responses: readonly ClosingResponse<number>[]) {
  const counts = new Map<string, number>(managers.map((manager) => [manager, 0]));
  for (const { managerId } of responses) counts.set(managerId, counts.get(managerId)! + 1);
  return counts;
}

const byManager = (responses: readonly ClosingResponse<number>[], managerId: string) => responses.filter((r) => r.managerId === managerId);
const commented = (responses: readonly ClosingResponse<number>[]) => responses.filter((r) => (r.comment ?? "").trim() !== "").length;
const sorted = (values: number[]) => [...values].sort((x, y) => x - y);

describe("what the close keeps", () => {
  it("keeps nothing of a team below k, and every answer of a team at or above it", () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 30 }), thresholds, (responses, limits) => {
        const kept = retainAtClose(responses, respondentsOf(responses), limits);
        for (const manager of managers) {
          const given = byManager(responses, manager);
          const expected = given.length >= limits.k ? sorted(given.map((r) => r.answers)) : [];
          expect(sorted(byManager(kept, manager).map((r) => r.answers))).toEqual(expected);
        }
      }),
    );
  });

  it("drops every comment of a team with fewer comments than the comment threshold, and keeps them all otherwise", () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 30 }), thresholds, (responses, limits) => {
        const kept = retainAtClose(responses, respondentsOf(responses), limits);
        for (const manager of managers) {
          const keptComments = byManager(kept, manager).map((r) => r.comment);
          if (commented(byManager(responses, manager)) < limits.commentThreshold) expect(keptComments.every((c) => c === null)).toBe(true);
          else expect(sorted(keptComments.map((c) => (c ?? "").length))).toEqual(sorted(byManager(responses, manager).map((r) => (r.comment ?? "").length)));
        }
      }),
    );
  });

  it("counts a team by who took part, not by the answers it has", () => {
    const responses = [{ managerId: "a", answers: 1, comment: "kept" }];
    expect(retainAtClose(responses, new Map([["a", 3]]), { k: 3, commentThreshold: 3 })).toEqual([{ managerId: "a", answers: 1, comment: null }]);
    expect(retainAtClose(responses, new Map([["a", 2]]), { k: 3, commentThreshold: 3 })).toEqual([]);
  });

  it("writes what it keeps in an order of its own", () => {
    const responses = Array.from({ length: 40 }, (_, answers) => ({ managerId: "a", answers, comment: null }));
    const orders = new Set(
      Array.from({ length: 5 }, () =>
        retainAtClose(responses, new Map([["a", 40]]), {})
          .map((r) => r.answers)
          .join(","),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

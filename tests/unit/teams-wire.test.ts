import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { aggregateResponses, DEFAULT_THRESHOLDS } from "@/lib/scoring";
import { SITUATION_KEYS } from "@/lib/situations";
import { asDisplayed, displayed, teamRow } from "@/lib/teams/rows";
import { fromWire, situationBits, situationsOf, toWire } from "@/lib/teams/wire";
import { responses } from "./support/builders";

const viewer = { id: "v", name: "Vera Viewer" };

describe("the compact rows sent to the browser", () => {
  it("give back exactly the rows the server built", () => {
    const base = { invited: 5, previous: null, parentName: null };
    const rows = [
      teamRow(
        {
          ...base,
          id: "a",
          name: "Ann",
          parentId: "v",
          current: aggregateResponses(responses(4, { management: 4, leadership: 2 })),
          situations: ["large_team", "period_of_change"],
          commitments: {
            count: 2,
            answers: [
              { n: 4, sum: 11, sumOfSquares: 33 },
              { n: 2, sum: 10, sumOfSquares: 50 },
            ],
          },
        },
        DEFAULT_THRESHOLDS,
      ),
      teamRow(
        {
          ...base,
          id: "b",
          name: "Ben",
          parentId: "a",
          current: aggregateResponses(responses(2, { management: 3, leadership: 3 })),
          situations: [],
          commitments: { count: 1, answers: [{ n: 2, sum: 8, sumOfSquares: 32 }] },
        },
        DEFAULT_THRESHOLDS,
      ),
      teamRow(
        {
          ...base,
          id: "c",
          name: "Cid",
          parentId: "a",
          current: aggregateResponses(responses(3, { management: 2, leadership: 5 }, { focus: { leadership: null } })),
          previous: aggregateResponses(responses(3, { management: 3, leadership: 3 })),
          situations: ["innovation_essential"],
          commitments: { count: 3, answers: null },
        },
        DEFAULT_THRESHOLDS,
      ),
    ].map((row) => ({ ...row, parentName: row.parentId === "v" ? viewer.name : "Ann" }));
    const wire = toWire(rows);
    expect(fromWire(JSON.parse(JSON.stringify(wire)), viewer)).toEqual(rows.map(asDisplayed));
    expect(wire[1]![2]).toBe(0);
    expect(wire[0]![2]).toBe(-1);
    // The follow-through: 2.75 shown as 2.8, from the one item with k answers; hidden ones as a reason alone.
    expect(wire.map((row) => row.slice(16))).toEqual([
      [2, [2.8, 4, 1]],
      [1, "team_below_threshold"],
      [3, "not_asked"],
    ]);
    expect(
      toWire([
        teamRow({ ...base, id: "d", name: "Di", parentId: "v", current: aggregateResponses(responses(3, {})), situations: [] }, DEFAULT_THRESHOLDS),
      ])[0]!.slice(16),
    ).toEqual([0, null]);
  });

  it("carry every value rounded as the page shows it, and nothing finer", () => {
    const row = teamRow(
      {
        id: "a",
        name: "Ann",
        parentId: "v",
        parentName: viewer.name,
        invited: 9,
        current: aggregateResponses([...responses(2, { management: 4, leadership: 2 }), ...responses(1, { management: 3, leadership: 3 })]),
        previous: aggregateResponses(responses(3, { management: 4, leadership: 4 })),
        situations: ["large_team", "period_of_change", "innovation_essential"],
      },
      DEFAULT_THRESHOLDS,
    );
    expect(row.aspects[0]?.value).toBeCloseTo(-1 / 3, 12);
    const [decoded] = fromWire(toWire([row]), viewer);
    expect(decoded!.aspects[0]?.value).toBe(-0.33);
    expect(decoded!.target).toBe(0.33);
    expect(decoded!.fitGap).toBe(displayed(row.fitGap!, 2));
    expect(decoded!.versatility).toBe(3);
    expect(displayed(-0.004, 2)).toBe(0);
    expect(Object.is(displayed(-0.004, 2), -0)).toBe(false);
  });

  it("keep any set of situations as bits", () => {
    fc.assert(
      fc.property(fc.subarray([...SITUATION_KEYS]), (marked) => {
        expect(situationsOf(situationBits(marked))).toEqual(marked);
      }),
    );
    expect(situationBits([])).toBe(0);
    expect(ASPECT_KEYS.length).toBeLessThan(31);
  });
});

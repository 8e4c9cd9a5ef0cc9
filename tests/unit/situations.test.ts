import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSituations, SITUATION_KEYS, type SituationKey } from "@/lib/situations";

const known = fc.constantFrom(...SITUATION_KEYS);
/** Anything a column could hold between two commas. */
const unknown = fc.string({ maxLength: 24 }).filter((text) => !text.includes(",") && !(SITUATION_KEYS as readonly string[]).includes(text));

describe("parseSituations", () => {
  it("reads no situations from no text", () => {
    expect(parseSituations(null)).toEqual([]);
    expect(parseSituations("")).toEqual([]);
  });

  it("reads back any list of known situations, in order", () => {
    fc.assert(
      fc.property(fc.array(known, { maxLength: 12 }), (keys) => {
        expect(parseSituations(keys.join(","))).toEqual(keys);
      }),
    );
  });

  it("ignores anything that is not a known situation, and keeps the rest in order", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(known, unknown), { minLength: 1, maxLength: 12 }), (entries) => {
        const expected = entries.filter((entry): entry is SituationKey => (SITUATION_KEYS as readonly string[]).includes(entry));
        expect(parseSituations(entries.join(","))).toEqual(expected);
      }),
    );
    expect(parseSituations("large_team, period_of_change,Large_Team,large_team ,vision")).toEqual(["large_team"]);
  });
});

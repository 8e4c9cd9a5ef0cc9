import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { aggregateResponses, DEFAULT_THRESHOLDS, resolveThresholds, suppressTeam } from "@/lib/scoring";
import { decodeStoredBalance, decodeTeamScores, encodeTeamScores, STORED_BALANCE, STORED_SCORES_LENGTH, teamScores } from "@/lib/teams/scores";
import * as arb from "./support/arbitraries";
import { response, responses } from "./support/builders";

describe("teamScores", () => {
  it("keeps what the gate shows of a team, and nothing of a team below k", () => {
    fc.assert(
      fc.property(arb.team(12), fc.integer({ min: 3, max: 6 }), (answers, k) => {
        const thresholds = resolveThresholds({ k });
        const aggregate = aggregateResponses(answers);
        const report = suppressTeam(aggregate, thresholds);
        const scores = teamScores(aggregate, thresholds);
        if (!report.shown) {
          expect(scores).toBeNull();
          return;
        }
        expect(scores!.balance).toEqual(report.balance);
        expect(scores!.versatility).toBe(report.versatility.shown ? report.versatility.value : null);
        ASPECT_KEYS.forEach((key, i) => {
          const { balance, management, leadership } = report.aspects[key];
          const cell = scores!.aspects[i];
          const shown = balance.shown && management.shown && leadership.shown;
          expect(cell).toEqual(shown ? { value: balance.value, lopsided: balance.lopsided, n: Math.min(management.n, leadership.n) } : null);
        });
      }),
    );
  });
});

describe("the stored scores", () => {
  it("read back exactly as they were worked out", () => {
    fc.assert(
      fc.property(arb.team(12), fc.integer({ min: 3, max: 6 }), (answers, k) => {
        const scores = teamScores(aggregateResponses(answers), resolveThresholds({ k }));
        if (scores === null) return;
        const stored = encodeTeamScores(scores);
        expect(stored).toHaveLength(STORED_SCORES_LENGTH);
        // What the database keeps goes through JSON on its way in.
        expect(decodeTeamScores(JSON.parse(JSON.stringify(stored)))).toEqual(scores);
        // The cycle before is read for its B only: the slice SQL takes, counted from 1.
        expect(decodeStoredBalance(stored.slice(STORED_BALANCE.from - 1, STORED_BALANCE.to))).toEqual(scores.balance);
      }),
    );
  });

  it("hold no number where the gate hides one", () => {
    // Focus has two leadership answers: below k, so its b is hidden, and so is nothing else.
    const answers = [...responses(2, { management: 3, leadership: 4 }), ...responses(2, { management: 2, leadership: 4 }, { focus: { leadership: null } })];
    const scores = teamScores(aggregateResponses(answers), DEFAULT_THRESHOLDS)!;
    const stored = encodeTeamScores(scores);
    const focus = ASPECT_KEYS.indexOf("focus");
    expect(stored.slice(focus * 3, focus * 3 + 3)).toEqual([null, null, null]);
    expect(stored.filter((value) => value === null)).toHaveLength(3);
    // No aspect has both poles: no B, no versatility, and their places hold nothing.
    const noBalance = encodeTeamScores(teamScores(aggregateResponses(responses(3, { management: 3 })), DEFAULT_THRESHOLDS)!);
    expect(noBalance.slice(-5)).toEqual([null, null, null, null, null]);
    expect(decodeTeamScores(noBalance).balance).toEqual({ shown: false, reason: "no_data" });
  });

  it("keep B without its precision when fewer than k raters rated both poles of an aspect", () => {
    const answers = [...responses(2, { management: 3, leadership: 4 }, { focus: { management: null } }), response({ management: 2, leadership: 5 })];
    const scores = teamScores(aggregateResponses(answers), DEFAULT_THRESHOLDS)!;
    expect(decodeTeamScores(encodeTeamScores(scores))).toEqual(scores);
  });

  it("refuse anything that is not what encodeTeamScores writes", () => {
    const stored = encodeTeamScores(teamScores(aggregateResponses(responses(4, { management: 4, leadership: 2 })), DEFAULT_THRESHOLDS)!);
    expect(() => decodeTeamScores(stored.slice(1))).toThrow(RangeError);
    expect(() => decodeTeamScores([null, ...stored.slice(1)])).toThrow(RangeError);
    expect(() => decodeTeamScores(stored.map((value, i) => (i === 1 ? 0.5 : value)))).toThrow(RangeError);
    expect(() => decodeTeamScores(stored.map((value, i) => (i === 2 ? -1 : value)))).toThrow(RangeError);
    expect(() => decodeTeamScores(stored.map((value, i) => (i === 0 ? Number.NaN : value)))).toThrow(RangeError);
    expect(() => decodeTeamScores(stored.map((value, i) => (i === STORED_SCORES_LENGTH - 4 ? null : value)))).toThrow(RangeError);
    // B's standard error without its degrees of freedom, or the other way round.
    expect(() => decodeTeamScores(stored.map((value, i) => (i === STORED_SCORES_LENGTH - 3 ? null : value)))).toThrow(RangeError);
    expect(() => decodeTeamScores(stored.map((value, i) => (i === STORED_SCORES_LENGTH - 2 ? null : value)))).toThrow(RangeError);
  });
});

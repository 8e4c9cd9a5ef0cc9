import { describe, expect, it } from "vitest";
import { ASPECT_KEYS, type AspectKey } from "@/lib/aspects";
import { balanceSummary, changeSince, comparePole, radarSummary, trendSummary } from "@/lib/report";
import { aggregateResponses, type Scores, type SelfAspect, selfProfile, suppressTeam } from "@/lib/scoring";
import { responses } from "./support/builders";

function scoresOf(...args: Parameters<typeof responses>): Scores {
  const report = suppressTeam(aggregateResponses(responses(...args)));
  if (!report.shown) throw new Error("expected a shown report");
  return report;
}

function selfOf(management: 1 | 2 | 3 | 4 | 5 | null, leadership: 1 | 2 | 3 | 4 | 5 | null): Record<AspectKey, SelfAspect> {
  const aspects = Object.fromEntries(ASPECT_KEYS.map((key) => [key, { management, leadership }]));
  return selfProfile({ aspects: aspects as Parameters<typeof selfProfile>[0]["aspects"] });
}

describe("comparePole", () => {
  const team = scoresOf(3, { management: 4, leadership: 2 }).aspects.focus;

  it("gives the gap and its reading when both the team and the self rating are there", () => {
    expect(comparePole(team, selfOf(4, 4).focus, "leadership").gap).toEqual({ gap: 2, kind: "blind_spot" });
    expect(comparePole(team, selfOf(3, 2).focus, "management").gap).toEqual({ gap: -1, kind: "hidden_strength" });
    expect(comparePole(team, selfOf(4, 2).focus, "management")).toMatchObject({ self: 4, gap: { gap: 0, kind: "aligned" } });
  });

  it('has no gap for "can\'t say", no self-assessment or a hidden team score', () => {
    expect(comparePole(team, selfOf(null, 2).focus, "management")).toMatchObject({ self: null, gap: null });
    expect(comparePole(team, null, "leadership")).toMatchObject({ self: null, gap: null });
    const hidden = scoresOf(3, { management: 4 }).aspects.focus;
    expect(comparePole(hidden, selfOf(4, 4).focus, "leadership")).toEqual({ team: { shown: false, reason: "below_threshold" }, self: 4, gap: null });
  });
});

describe("changeSince", () => {
  it("subtracts the earlier cycle's shown scores from the later one's", () => {
    const before = scoresOf(3, { management: 4, leadership: 2 });
    const after = scoresOf(3, { management: 3, leadership: 4 }, { motivation: { leadership: null } });
    const changes = changeSince(before, after);
    expect(changes.focus.management).toMatchObject({ value: -1, clear: true });
    expect(changes.focus.leadership).toMatchObject({ value: 2, clear: true });
    expect(changes.focus.balance).toMatchObject({ value: 0.75, clear: true });
    expect(changes.motivation).toMatchObject({ management: { value: -1 }, leadership: null, balance: null });
  });
});

describe("balanceSummary", () => {
  it("counts the aspects per lean and names the extremes and the hidden ones", () => {
    const scores = scoresOf(
      3,
      { management: 4, leadership: 2, need: 2 },
      {
        motivation: { management: 2, leadership: 4, need: -2 },
        focus: { management: 4, leadership: 4, need: 0 },
        development: { leadership: null, need: null },
      },
    );
    expect(balanceSummary(scores.aspects)).toBe(
      "Toward managing on 4 aspects, balanced on 1 and toward leading on 1. Furthest toward managing: Decision-making (\u22120.50). Furthest toward leading: Motivation (+0.50). Not shown: balance on Development (a managing or leading score has fewer than 3 answers). The team asks for more leading on 4 aspects, more managing on 1 and the same balance on 1. Not shown: team need on Development (fewer than 3 answers).",
    );
  });

  it("names no extreme on a side nobody leans to, and says when nothing can be shown", () => {
    expect(balanceSummary(scoresOf(3, { management: 3, leadership: 2 }).aspects)).toBe(
      "Toward managing on 7 aspects, balanced on 0 and toward leading on 0. Furthest toward managing: Focus (\u22120.25). No team need is shown: each has fewer than 3 answers.",
    );
    expect(balanceSummary(scoresOf(3, { management: 4 }).aspects)).toMatch(
      /^No aspect has both a managing and a leading score to show\. Not shown: balance on Focus, /,
    );
  });
});

describe("radarSummary", () => {
  it("gives the range of each pole and counts the blind spots and hidden strengths", () => {
    const scores = scoresOf(3, { management: 4, leadership: 2 }, { focus: { management: 5, leadership: 3 } });
    expect(radarSummary(scores.aspects, selfOf(4, 4))).toBe(
      "On the 1–5 scale the team rates managing from 4.0 (Decision-making) to 5.0 (Focus); leading from 2.0 (Decision-making) to 3.0 (Focus). The self-assessment is at least a point above the team on 7 scores (blind spots) and at least a point below on 1 (hidden strengths).",
    );
  });

  it("says when a pole has nothing to show or there is no self-assessment", () => {
    expect(radarSummary(scoresOf(3, { management: 4 }).aspects, null)).toBe(
      "On the 1–5 scale the team rates managing 4.0 on every aspect shown; leading has no score to show (each has fewer than 3 answers). There is no self-assessment for this cycle.",
    );
    expect(radarSummary(scoresOf(3, { management: 4, leadership: 2 }, { focus: { leadership: null }, motivation: { management: null } }).aspects, null)).toBe(
      "On the 1–5 scale the team rates managing 4.0 on every aspect shown; leading 2.0 on every aspect shown. Not shown: leading on Focus, managing on Motivation (fewer than 3 answers). There is no self-assessment for this cycle.",
    );
    expect(radarSummary(scoresOf(3, { management: 4, leadership: 3 }, { focus: { leadership: 2 } }).aspects, selfOf(4, 3))).toContain(
      "above the team on 1 score (blind spots)",
    );
  });
});

describe("trendSummary", () => {
  it("compares the first and last cycles with results and names the ones without", () => {
    expect(
      trendSummary([
        { label: "Q1", balance: -0.42, versatility: 3.12 },
        { label: "Q2", balance: null, versatility: null },
        { label: "Q3", balance: -0.05, versatility: 3.6 },
      ]),
    ).toBe("From Q1 to Q3, overall balance went from \u22120.42 to \u22120.05 and versatility from 3.1 to 3.6. No results for Q2: too few answers to show.");
  });

  it("handles a single cycle with results, and none at all", () => {
    expect(trendSummary([{ label: "Q3", balance: 0.1, versatility: 4 }])).toBe(
      "One closed cycle with results so far: Q3, with an overall balance of +0.10 and versatility 4.0.",
    );
    expect(trendSummary([{ label: "Q3", balance: null, versatility: null }])).toBe(
      "No closed cycle has enough answers to show a trend. No results for Q3: too few answers to show.",
    );
  });
});

import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { aggregateResponses, DEFAULT_THRESHOLDS, poolTeams, suppressOrg, type TeamAggregate, type Thresholds } from "@/lib/scoring";
import { asDisplayed, orgLine, responseRate, type TeamInput, teamRow } from "@/lib/teams/rows";
import { teamScores } from "@/lib/teams/scores";
import { aggregateFromStatistics } from "@/lib/teams/summary";
import { response, responses } from "./support/builders";

/** A team's row input from its answers this cycle (and, when given, the previous cycle's), scored as the close scores them. */
const team = (
  aggregate: TeamAggregate,
  { previous, ...overrides }: Partial<Omit<TeamInput, "previous">> & { previous?: TeamAggregate } = {},
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): TeamInput => ({
  id: "t1",
  name: "Team One",
  parentId: "p",
  parentName: "Parent",
  invited: 6,
  respondents: aggregate.respondents,
  current: teamScores(aggregate, thresholds),
  previous: previous ? teamScores(previous, thresholds) : null,
  situations: [],
  ...overrides,
});

describe("teamRow", () => {
  it("shows b per aspect, B, versatility and the fit gap of a team that meets k", () => {
    const row = teamRow(
      team(aggregateResponses(responses(4, { management: 4, leadership: 2, need: 1 })), { situations: ["period_of_change"] }),
      DEFAULT_THRESHOLDS,
    );
    expect(row.shown).toBe(true);
    expect(row.aspects).toHaveLength(ASPECT_KEYS.length);
    for (const cell of row.aspects) expect(cell).toEqual({ value: -0.5, lopsided: true, n: 4 });
    expect(row.balance).toBe(-0.5);
    expect(row.versatility).toBe(3);
    expect(row.target).toBe(1);
    expect(row.situations).toEqual(["period_of_change"]);
    expect(row.fitGap).toBe(-1.5);
    expect(row.lopsided).toBe(true);
    expect(row.responded).toBe(4);
    expect(row.change).toBeNull();
  });

  it("hides everything of a team below k, whatever it answered", () => {
    const row = teamRow(team(aggregateResponses(responses(2, { management: 5, leadership: 1 }))), DEFAULT_THRESHOLDS);
    expect(row).toMatchObject({ shown: false, balance: null, versatility: null, fitGap: null, change: null, lopsided: false, responded: 2 });
    expect(row.aspects.every((cell) => cell === null)).toBe(true);
  });

  it("hides an aspect whose pole has fewer than k answers, and leaves it out of B", () => {
    const answers = [...responses(2, { management: 3, leadership: 4 }), ...responses(2, { management: 3, leadership: 4 }, { focus: { leadership: null } })];
    const row = teamRow(team(aggregateResponses(answers)), DEFAULT_THRESHOLDS);
    expect(row.aspects[0]).toBeNull();
    expect(row.aspects[1]).toEqual({ value: 0.25, lopsided: true, n: 4 });
    expect(row.balance).toBe(0.25);
  });

  it("gives the change in B when both cycles show B, and none otherwise", () => {
    const previous = aggregateResponses(responses(3, { management: 3, leadership: 3 }));
    const current = aggregateResponses(responses(3, { management: 3, leadership: 5 }));
    // Everyone answered alike in both cycles, so the change of +0.5 is clear of the noise.
    expect(teamRow(team(current, { previous }), DEFAULT_THRESHOLDS)).toMatchObject({ change: 0.5, changeIsClear: true });
    const mixed = aggregateResponses([...responses(2, { management: 3, leadership: 5 }), response({ management: 4, leadership: 3 })]);
    expect(teamRow(team(mixed, { previous }), DEFAULT_THRESHOLDS)).toMatchObject({ changeIsClear: false });
    const hiddenBefore = aggregateResponses(responses(2, { management: 3, leadership: 3 }));
    expect(teamRow(team(current, { previous: hiddenBefore }), DEFAULT_THRESHOLDS).change).toBeNull();
  });

  it("shows no B when no aspect has both poles", () => {
    const row = teamRow(team(aggregateResponses(responses(3, { management: 3 }))), DEFAULT_THRESHOLDS);
    expect(row.shown).toBe(true);
    expect(row.balance).toBeNull();
    expect(row.fitGap).toBeNull();
  });

  it("counts the commitments and gates their follow-through with the team's respondents and the cycle's k", () => {
    const answers = [
      { n: 3, sum: 5, sumOfSquares: 9 },
      { n: 4, sum: 9, sumOfSquares: 21 },
    ];
    const row = teamRow(team(aggregateResponses(responses(4, { management: 3, leadership: 3 })), { commitments: { count: 2, answers } }), DEFAULT_THRESHOLDS);
    expect(row.commitments).toBe(2);
    expect(row.followThrough).toEqual({ shown: true, value: (5 / 3 + 9 / 4) / 2, n: 3, covered: 2 });
    expect(asDisplayed(row).followThrough).toEqual({ shown: true, value: 2, n: 3, covered: 2 });
    const k4 = { k: 4, commentThreshold: 5 };
    expect(teamRow(team(aggregateResponses(responses(4, {})), { commitments: { count: 2, answers } }, k4), k4).followThrough).toEqual({
      shown: true,
      value: 2.25,
      n: 4,
      covered: 1,
    });
    const below = teamRow(team(aggregateResponses(responses(2, {})), { commitments: { count: 2, answers } }), DEFAULT_THRESHOLDS);
    expect(below).toMatchObject({ commitments: 2, followThrough: { shown: false, reason: "team_below_threshold" } });
    expect(asDisplayed(below).followThrough).toEqual({ shown: false, reason: "team_below_threshold" });
    // Left out (the situations page wants B only): no commitment.
    expect(teamRow(team(aggregateResponses(responses(4, {}))), DEFAULT_THRESHOLDS)).toMatchObject({ commitments: 0, followThrough: null });
  });
});

describe("orgLine", () => {
  it("scores the pool of the teams that meet k and counts the others", () => {
    const big = aggregateResponses(responses(4, { management: 4, leadership: 2 }));
    const small = aggregateResponses([response({ management: 1, leadership: 5 })]);
    const line = orgLine({ ...poolTeams([big, small, big]), invited: 10 }, DEFAULT_THRESHOLDS);
    expect(line).toMatchObject({ teamsIncluded: 2, teamsLeftOut: 1, invited: 10, responded: 8, balance: -0.5, versatility: 3, lopsided: true });
    const report = suppressOrg([big, small, big]);
    expect(report.shown && report.balance.shown ? report.balance.value : null).toBe(line.balance);
  });

  it("shows nothing when no team meets k", () => {
    const line = orgLine({ ...poolTeams([aggregateResponses(responses(2, { management: 4, leadership: 2 }))]), invited: 0 }, DEFAULT_THRESHOLDS);
    expect(line).toMatchObject({ teamsIncluded: 0, teamsLeftOut: 1, invited: 0, responded: 0, balance: null, versatility: null, lopsided: false });
    expect(line.aspects.every((cell) => cell === null)).toBe(true);
  });
});

describe("responseRate", () => {
  it("is n / N, and null with nobody invited", () => {
    expect(responseRate(3, 4)).toBe(0.75);
    expect(responseRate(0, 0)).toBeNull();
  });
});

describe("aggregateFromStatistics", () => {
  // n, sum, sum of squares of management, leadership, need and L − M: 7 each; then the raters' means in 1/420ths.
  const statistics = (m: number, l: number) => [
    ...[
      [3, 3 * m, 3 * m * m],
      [3, 3 * l, 3 * l * l],
      [0, 0, 0],
      [3, 3 * (l - m), 3 * (l - m) ** 2],
    ].flatMap((series) => series.flatMap((value) => ASPECT_KEYS.map(() => value))),
    ...[3, 3 * 420 * (l - m), 3 * (420 * (l - m)) ** 2, 3 * 420 * (l + m), 3 * (420 * (l + m)) ** 2],
  ];

  it("gives the same aggregate as the answers themselves", () => {
    const fromAnswers = aggregateResponses(responses(3, { management: 4, leadership: 2 }));
    expect(aggregateFromStatistics(3, statistics(4, 2))).toEqual({ ...fromAnswers, comments: [] });
  });

  it("refuses statistics that do not cover every aspect", () => {
    expect(() => aggregateFromStatistics(3, statistics(4, 2).slice(1))).toThrow(RangeError);
    expect(() => aggregateFromStatistics(3, [...statistics(4, 2).slice(1), Number.NaN])).toThrow(RangeError);
  });
});

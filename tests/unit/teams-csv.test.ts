import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { DEFAULT_THRESHOLDS } from "@/lib/scoring";
import { balanceColour, balanceLegend, balanceStep, contrastRatio, FIT_COLOURS, fitBand } from "@/lib/teams/colour";
import { csvHeader, csvNumber, neutralise, orgReasons, orgRecord, percent, PLAIN_NUMBER, teamReasons, teamRecord, teamsCsvRecords } from "@/lib/teams/csv";
import {
  balanceDomain,
  balanceTicks,
  fitBandLegend,
  pointDescription,
  portfolioPoints,
  portfolioSummary,
  portfolioTally,
  quadrantOf,
} from "@/lib/teams/portfolio";
import { pageSpan } from "@/lib/teams/paging";
import { asDisplayed, type OrgLine, type TeamRow } from "@/lib/teams/rows";
import { formatSavedAt, SITUATION_TEXT, situationsFavouring } from "@/lib/teams/situations";
import { SITUATION_KEYS } from "@/lib/situations";

const options = { thresholds: DEFAULT_THRESHOLDS, previousCycleName: "Q2 2026" };

function row(values: Partial<TeamRow> = {}): TeamRow {
  return {
    id: "a",
    name: "Ana",
    parentId: "p",
    parentName: "Pat",
    invited: 8,
    responded: 6,
    shown: true,
    aspects: ASPECT_KEYS.map((_, i) => ({ value: i === 0 ? -0.3125 : 0.1, lopsided: i === 0, n: 5 + i })),
    balance: -0.05,
    versatility: 3.45,
    target: 1 / 3,
    situations: ["large_team", "period_of_change", "innovation_essential"],
    fitGap: -0.3833,
    change: 0.004,
    changeIsClear: false,
    lopsided: true,
    commitments: 0,
    followThrough: null,
    ...values,
  };
}

const org: OrgLine = {
  teamsIncluded: 2,
  teamsLeftOut: 1,
  invited: 20,
  responded: 15,
  aspects: ASPECT_KEYS.map((_, i) => (i === 6 ? null : { value: 0.2, lopsided: false, n: 12 })),
  balance: 0.2,
  versatility: 3.2,
  lopsided: false,
};

describe("neutralise", () => {
  it("makes text that a spreadsheet would run inert, and leaves other text alone", () => {
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    for (const text of ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(text)).toBe(`'${text}`);
    expect(neutralise("Ana O'Brien")).toBe("Ana O'Brien");
    expect(neutralise("")).toBe("");
  });
});

describe("numbers in the export", () => {
  it("are rounded as on the page, with an ASCII minus and no negative zero", () => {
    expect(csvNumber(-0.3125, 2)).toBe("-0.31");
    expect(csvNumber(-0.004, 2)).toBe("0.00");
    expect(csvNumber(3.45, 1)).toBe("3.5");
    expect(percent(0.755)).toBe("76%");
    for (const text of ["-0.31", "0.00", "3.5", "76%"]) expect(text).toMatch(PLAIN_NUMBER);
  });
});

describe("records", () => {
  it("writes a team in the column order of the header", () => {
    const header = csvHeader(options);
    const record = teamRecord(row(), options);
    expect(record).toHaveLength(header.length);
    expect(header[header.length - 7]).toBe("Change in B since Q2 2026");
    expect(header.slice(6, 8)).toEqual(["Focus (b)", "Focus (n)"]);
    expect(record.slice(0, 10)).toEqual(["team", "Ana", "Pat", "6", "8", "75%", "-0.31", "5", "0.10", "6"]);
    expect(record.slice(20, 26)).toEqual(["-0.05", "3.5", "0.33", "-0.38", "0.00", "no clear change"]);
    expect(teamRecord(row({ change: -0.3, changeIsClear: true }), options)[25]).toBe("clear fall");
    expect(record.at(-2)).toBe("Focus");
    expect(record.at(-1)).toBe("");
    expect(csvHeader({ ...options, previousCycleName: null })).toContain("Change in B");
  });

  it("leaves hidden values empty and says why", () => {
    const hidden = row({
      shown: false,
      aspects: ASPECT_KEYS.map(() => null),
      balance: null,
      versatility: null,
      fitGap: null,
      change: null,
      invited: 0,
      responded: 0,
    });
    const record = teamRecord(hidden, options);
    expect(record.slice(5, 22).every((cell) => cell === "")).toBe(true);
    expect(record.slice(23, 26).every((cell) => cell === "")).toBe(true);
    expect(record.at(-1)).toBe("Not shown: fewer than 3 people answered.");
    const partly = row({ aspects: ASPECT_KEYS.map((_, i) => (i < 2 ? null : { value: 0.1, lopsided: false, n: 4 })), change: null });
    expect(teamReasons(partly, options)).toBe("Focus, Decision-making: fewer than 3 answers on a pole. Change in B: no result shown for this team in Q2 2026.");
    expect(teamReasons(row({ change: null }), { ...options, previousCycleName: null })).toBe("Change in B: no earlier closed cycle.");
    expect(teamReasons(row({ balance: null, fitGap: null, change: null, aspects: ASPECT_KEYS.map(() => null) }), options)).toContain(
      "B, versatility and fit to the situation: Not shown: no aspect has enough answers yet.",
    );
  });

  it("writes the commitments, and their follow-through where it is shown", () => {
    const header = csvHeader(options);
    const columns = ["Commitments", "Follow-through (mean seen, 1–5)", "Follow-through (n)"].map((name) => header.indexOf(name));
    expect(columns).toEqual([26, 27, 28]);
    const cells = (values: Partial<TeamRow>) => columns.map((column) => teamRecord(row(values), options)[column]);
    expect(cells({})).toEqual(["0", "", ""]);
    expect(teamReasons(row(), options)).toBe("");
    expect(cells({ commitments: 3, followThrough: { shown: true, value: 1.75, n: 5, covered: 3 } })).toEqual(["3", "1.8", "5"]);
    expect(teamReasons(row({ commitments: 3, followThrough: { shown: true, value: 1.75, n: 5, covered: 3 } }), options)).toBe("");

    const partly = row({ commitments: 3, followThrough: { shown: true, value: 4, n: 3, covered: 2 } });
    expect(cells(partly)).toEqual(["3", "4.0", "3"]);
    expect(teamReasons(partly, options)).toBe("Follow-through: covers 2 of 3 commitments; the other has fewer than 3 answers.");

    const fewAnswers = row({ commitments: 2, followThrough: { shown: false, reason: "below_threshold" } });
    expect(cells(fewAnswers)).toEqual(["2", "", ""]);
    expect(teamReasons(fewAnswers, options)).toBe("Follow-through: Not shown: fewer than 3 answers.");
    expect(teamReasons(row({ commitments: 1, followThrough: { shown: false, reason: "not_asked" } }), options)).toBe(
      "Follow-through: Not asked: this cycle opened before its survey asked about commitments.",
    );

    // A team below k: the count (the manager's own, not an answer), nothing of the follow-through.
    const below = row({ shown: false, commitments: 2, followThrough: { shown: false, reason: "team_below_threshold" } });
    expect(cells(below)).toEqual(["2", "", ""]);
    expect(teamReasons(below, options)).toBe("Not shown: fewer than 3 people answered.");
    for (const cell of cells({ commitments: 3, followThrough: { shown: true, value: 2.25, n: 12, covered: 1 } })) expect(cell).toMatch(PLAIN_NUMBER);
  });

  it("writes the organisation line with its left-out teams", () => {
    const record = orgRecord(org, options);
    expect(record.slice(0, 6)).toEqual([
      "organisation",
      "All teams with enough answers, k or more (2 of 3): counts and scores cover these teams only",
      "",
      "15",
      "20",
      "75%",
    ]);
    expect(record.slice(6, 8)).toEqual(["0.20", "12"]);
    expect(record.slice(18, 20)).toEqual(["", ""]);
    expect(record).toHaveLength(csvHeader(options).length);
    expect(orgReasons(org, options)).toBe(
      "1 team left out below the threshold. Development: fewer than 3 answers on a pole. T, fit to the situation, change in B and commitments are per team.",
    );
    const none = {
      ...org,
      teamsIncluded: 0,
      teamsLeftOut: 2,
      aspects: org.aspects.map(() => null),
      balance: null,
      versatility: null,
      invited: 0,
      responded: 0,
    };
    expect(orgReasons(none, options)).toBe("Not shown: no team has 3 or more answers on its own. 2 teams left out below the threshold.");
    expect(orgRecord(none, options)[5]).toBe("");
  });

  it("puts the header, then the organisation line, then the teams in order", () => {
    const records = teamsCsvRecords([row({ name: "=evil()" }), row({ name: "Bo" })], org, options);
    expect(records.map((record) => record[1])).toEqual([
      "Manager",
      "All teams with enough answers, k or more (2 of 3): counts and scores cover these teams only",
      "'=evil()",
      "Bo",
    ]);
  });
});

describe("colours", () => {
  it("steps away from neutral toward managing (−) and leading (+)", () => {
    expect([0, 0.049, 0.05, 0.2, 0.35, 0.5, 0.9].map(balanceStep)).toEqual([0, 0, 1, 2, 3, 4, 5]);
    expect(balanceStep(-0.2)).toBe(-2);
    expect(balanceColour(-0.7).background).not.toBe(balanceColour(0.7).background);
  });

  it("keeps text readable on every step (WCAG AA, 4.5:1)", () => {
    const legend = balanceLegend();
    expect(legend.map((entry) => entry.step)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    for (const { colour } of legend) expect(contrastRatio(colour.background, colour.text)).toBeGreaterThanOrEqual(4.5);
    for (const colour of Object.values(FIT_COLOURS)) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("bands the fit gap at ±0.25", () => {
    expect([fitBand(-0.3), fitBand(-0.25), fitBand(0.25), fitBand(0.26)]).toEqual(["more_managing", "fits", "fits", "more_leading"]);
  });
});

describe("portfolio", () => {
  it("places teams in quadrants and plots only those with B and versatility", () => {
    expect(quadrantOf(-0.1, 3)).toBe("strong_managing");
    expect(quadrantOf(0.1, 4)).toBe("strong_leading");
    expect(quadrantOf(0, 2)).toBe("growing_managing");
    expect(quadrantOf(0.2, 2.9)).toBe("growing_leading");
    const rows = [row(), row({ id: "b", balance: null, fitGap: null }), row({ id: "c", balance: 0.8, fitGap: 0.5, versatility: 2 })];
    const points = portfolioPoints(rows);
    expect(points.map((point) => [point.id, point.quadrant, point.band])).toEqual([
      ["a", "strong_managing", "more_managing"],
      ["c", "growing_leading", "more_leading"],
    ]);
    const tally = portfolioTally(rows);
    expect(tally).toEqual({ plotted: 2, quadrants: { strong_managing: 1, strong_leading: 0, growing_managing: 0, growing_leading: 1 }, widest: 0.8 });
    expect(balanceDomain(tally)).toEqual([-1, 1]);
    expect(balanceDomain(portfolioTally([]))).toEqual([-0.5, 0.5]);
    expect(balanceDomain(portfolioTally([row({ balance: -0.6 })]))).toEqual([-0.75, 0.75]);
  });

  it("places and counts a team by its values as shown, rounded or not", () => {
    // B +0.004 shows as 0.00: balanced, so among the teams that lean managing, as its point says.
    const raw = row({ balance: 0.004, versatility: 2.96, fitGap: 0.2549 });
    expect(portfolioPoints([raw])).toEqual(portfolioPoints([asDisplayed(raw)]));
    expect(portfolioPoints([raw])[0]).toMatchObject({ balance: 0, versatility: 3, fitGap: 0.25, quadrant: "strong_managing", band: "fits" });
    expect(portfolioTally([raw])).toEqual(portfolioTally([asDisplayed(raw)]));
    expect(balanceDomain(portfolioTally([row({ balance: 0.5004 })]))).toEqual([-0.5, 0.5]);
    expect(balanceTicks([-0.75, 0.75])).toEqual([-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75]);
  });

  it("says each point, the summary and the legend in words, with the numbers rounded as in the table", () => {
    const rows = [row(), row({ id: "b", balance: null, fitGap: null }), row({ id: "c", name: "Cy", balance: 0.8, fitGap: 0.1, versatility: 2 })];
    const points = portfolioPoints(rows);
    expect(pointDescription(points[0]!)).toBe(
      "Ana: overall balance −0.05, balanced between managing and leading; versatility 3.5; fit to the situation −0.38, more managing than the situation calls for",
    );
    // A fit gap of 0.1 is inside the plot's wider band, so the words follow the marker, not the report's narrower "balanced".
    expect(pointDescription(points[1]!)).toBe(
      "Cy: overall balance +0.80, leaning toward leading; versatility 2.0; fit to the situation +0.10, close to what the situation calls for",
    );
    expect(portfolioSummary(portfolioTally(rows), 3, 2, pageSpan(3, 1))).toBe(
      "2 of 3 teams plotted (the others have too few answers for an overall balance). Versatile, leans managing: 1. Versatile, leans leading: 0. Room to grow, leans managing: 0. Room to grow, leans leading: 1.",
    );
    // Over several pages, the counts cover every page and the plot draws the page shown.
    expect(portfolioSummary(portfolioTally(rows), 2155, 1, pageSpan(2155, 2))).toBe(
      "2 of 2,155 teams have an overall balance (the others have too few answers for one). Versatile, leans managing: 1. Versatile, leans leading: 0. Room to grow, leans managing: 0. Room to grow, leans leading: 1. The plot draws the 1 of them on this page of the table, teams 51–100.",
    );
    expect([fitBandLegend("more_managing"), fitBandLegend("fits"), fitBandLegend("more_leading")]).toEqual([
      "More managing than the situation calls for (by more than 0.25)",
      "Close to what the situation calls for (within 0.25)",
      "More leading than the situation calls for (by more than 0.25)",
    ]);
  });
});

describe("situations text", () => {
  it("explains every situation in one line and splits them five and five", () => {
    for (const key of SITUATION_KEYS) {
      expect(SITUATION_TEXT[key].label.length).toBeGreaterThan(3);
      expect(SITUATION_TEXT[key].explanation).not.toContain("\n");
    }
    expect(situationsFavouring("management")).toHaveLength(5);
    expect(situationsFavouring("leadership")).toEqual([
      "period_of_change",
      "innovation_essential",
      "competitive_market",
      "long_term_growth",
      "customer_relationships",
    ]);
  });

  it("formats when a situation was saved, in UTC", () => {
    // fixed-date: how one particular moment reads is the point.
    expect(formatSavedAt("2104-11-23T14:05:09.123456Z")).toBe("23 Nov 2104, 14:05 UTC");
  });
});

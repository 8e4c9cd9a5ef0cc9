import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { formatCount } from "@/lib/format";
import { TEAMS_PAGE_SIZE } from "@/lib/teams/paging";
import { asDisplayed, type TeamRow } from "@/lib/teams/rows";
import { teamsTable } from "@/lib/teams/table";
import { applyView, DEFAULT_VIEW, type TeamsView } from "@/lib/teams/view";

const VIEWER = "00000000-0000-4000-8000-000000000000";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A viewer over 12 directors of 25 managers each, 312 teams in seven pages; every seventh team below k. Values spread by a fixed rule. */
function organisation(): TeamRow[] {
  const rows: TeamRow[] = [];
  const team = (n: number, parent: string): TeamRow => {
    const hidden = n % 7 === 0;
    const balance = hidden ? null : ((n * 37) % 161) / 100 - 0.8;
    return {
      id: uuid(n),
      name: `Manager ${(n * 7919) % 1201}`,
      parentId: parent,
      parentName: null,
      invited: 8,
      responded: hidden ? 2 : 6,
      shown: !hidden,
      aspects: ASPECT_KEYS.map((_, i) => (hidden ? null : { value: (((n + i) * 13) % 41) / 20 - 1, lopsided: (n + i) % 11 === 0, n: 6 })),
      balance,
      versatility: hidden ? null : 1 + ((n * 17) % 400) / 100,
      target: 0,
      situations: [],
      fitGap: balance,
      change: null,
      changeIsClear: false,
      lopsided: !hidden && ASPECT_KEYS.some((_, i) => (n + i) % 11 === 0),
      commitments: n % 3,
      followThrough: null,
    };
  };
  // Small enough to page through quickly, large enough for several pages of every view.
  for (let d = 1; d <= 12; d++) {
    rows.push(team(d, VIEWER));
    for (let m = 0; m < 25; m++) rows.push(team(1000 + d * 100 + m, uuid(d)));
  }
  return rows;
}

const ORG = organisation();

describe("teamsTable", () => {
  it("sends one page of the sorted, filtered rows, and the pages together are every row the view keeps", () => {
    for (const view of [
      DEFAULT_VIEW,
      { ...DEFAULT_VIEW, sort: "fitGap", dir: "asc", lopsided: true } satisfies TeamsView,
      { ...DEFAULT_VIEW, sub: uuid(4), q: "1" },
    ]) {
      const kept = applyView(ORG.map(asDisplayed), view);
      const first = teamsTable(ORG, view, VIEWER);
      const pages = [];
      for (let page = 1; page <= first.span.pages; page++) {
        const { rows, span } = teamsTable(ORG, { ...view, page }, VIEWER);
        expect(rows.length).toBeLessThanOrEqual(TEAMS_PAGE_SIZE);
        expect(span.total).toBe(kept.length);
        pages.push(...rows);
      }
      expect(pages).toEqual(kept);
    }
  });

  it("plots the page's teams over an axis and a summary that cover every team", () => {
    const view = { ...DEFAULT_VIEW, page: 3 };
    const { rows, portfolio, span } = teamsTable(ORG, view, VIEWER);
    expect(portfolio.points.map((point) => point.id)).toEqual(rows.filter((row) => row.balance !== null).map((row) => row.id));
    const plotted = ORG.filter((row) => row.balance !== null).length;
    expect(portfolio.summary).toMatch(new RegExp(`^${formatCount(plotted)} of 312 teams have an overall balance`));
    expect(portfolio.summary).toContain(`The plot draws the ${portfolio.points.length} of them on this page of the table, teams 101–150.`);
    expect(span).toMatchObject({ page: 3, start: 100, end: 150 });
    // The widest B of all the teams sets the axis, wherever it is in the table.
    expect(portfolio.domain).toEqual([-1, 1]);
  });

  it("offers the sub-teams a level at a time, not one per team", () => {
    expect(teamsTable(ORG, DEFAULT_VIEW, VIEWER).subTeams.flatMap((level) => level.options)).toHaveLength(12);
    expect(teamsTable(ORG, { ...DEFAULT_VIEW, sub: uuid(5) }, VIEWER).subTeams.flatMap((level) => level.options)).toHaveLength(12 + 25);
  });
});

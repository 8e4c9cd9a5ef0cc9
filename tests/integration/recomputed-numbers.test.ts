import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VIEW } from "@/lib/teams/view";
import { loadReport } from "@/server/dal/report";
import { exportTeams } from "@/server/dal/teams";
import { loadViewer } from "@/server/internal/viewer";
import { DIRECTORS, VP } from "@/server/internal/seed/demo-org";
import type { TestDatabase } from "../support/database";
import { createDemoDatabase } from "../support/demo";
import { Comparison } from "../support/recompute/comparison";
import { compareCsvHeader, compareCsvRow, csvOrgRow, csvTeamRow } from "../support/recompute/csv-rows";
import { expectedNumbers, key } from "../support/recompute/expected-sql";
import { compareReport } from "../support/recompute/report-tables";

/**
 * Issue 18, "Honest numbers": every number of the demo's reports and of the teams CSV,
 * recomputed from the raw tables with SQL of our own and compared at display precision.
 *
 * Nothing from lib/scoring, lib/format, lib/report or lib/teams computes an expected value
 * here or in tests/support/recompute. The app's side comes from what a reader sees: the report's components rendered to
 * markup, and the CSV export parsed back. The expected side comes from `responses`,
 * `response_answers`, `participations`, `cycle_assignments`, `cycles`, `team_situations`,
 * `self_assessment_answers`, `people`, `commitments` and `follow_through_answers`, with the
 * arithmetic in PostgreSQL `numeric`.
 */

let database: TestDatabase;
const ids = new Map<string, string>();

beforeAll(async () => {
  database = await createDemoDatabase({ people: ids });
}, 120_000);
afterAll(() => database.dispose());

describe("every number of the demo, recomputed from the raw tables", () => {
  it("matches in every manager's report, in every closed cycle", async () => {
    const expected = await expectedNumbers(database.db);
    const compare = new Comparison([...new Set(expected.teams.map((team) => team.cycleName))]);
    const managers = [...new Set(expected.teams.map((team) => team.managerId))];
    let reports = 0;
    for (const managerId of managers) {
      // The closed cycles in which this manager was rated, oldest first: their report's cycles.
      const rated = expected.teams.filter((team) => team.managerId === managerId);
      const name = rated[0]!.manager;
      const viewer = (await loadViewer(database.db, managerId))!;
      const latest = await loadReport(database.db, viewer);
      if (latest.status === "not-rated") expect.fail(`${name} has no report`);
      const closed = latest.cycles.filter((cycle) => cycle.state === "closed");
      compare.same(
        `${name}: closed cycles in the report`,
        closed.map((cycle) => cycle.name).join(", "),
        rated
          .map((team) => team.cycleName)
          .reverse()
          .join(", "),
      );
      for (const cycle of closed) {
        const report = await loadReport(database.db, viewer, { cycleId: cycle.id });
        if (report.status !== "closed") expect.fail(`${name} in ${cycle.name}: not a closed report`);
        const index = rated.findIndex((team) => team.cycleId === cycle.id);
        if (index < 0) continue; // already reported as a mismatch in the list of cycles
        // The trend shows at most eight closed cycles, the selected one last.
        const trend = rated.slice(Math.max(0, index - 7), index + 1);
        compareReport(compare, `${name}, ${cycle.name}`, report, { team: rated[index]!, trend, expected });
        reports++;
      }
    }
    expect(managers.length).toBeGreaterThanOrEqual(11);
    expect(reports).toBeGreaterThanOrEqual(33);
    expect(compare.numbers).toBeGreaterThanOrEqual(MIN_REPORT_NUMBERS);
    expect(compare.mismatches).toEqual([]);
  });

  it("matches in the teams CSV of a director and of the VP, in every closed cycle", async () => {
    const expected = await expectedNumbers(database.db);
    const cycles = [...new Map(expected.teams.map((team) => [team.cycleId, team])).values()].sort((a, b) => a.ord - b.ord);
    const compare = new Comparison(cycles.map((cycle) => cycle.cycleName));
    let files = 0;
    for (const viewerName of [DIRECTORS[0], VP]) {
      const viewerId = ids.get(viewerName)!;
      const viewer = (await loadViewer(database.db, viewerId))!;
      for (const [c, cycle] of cycles.entries()) {
        const previous = cycles[c - 1] ?? null;
        const where = `${viewerName}'s CSV, ${cycle.cycleName}`;
        const records = parse((await exportTeams(database.db, viewer, cycle.cycleId, DEFAULT_VIEW)).csv, { bom: true }) as string[][];
        const [header, org, ...rows] = records;
        compareCsvHeader(compare, where, header!, previous);
        const members = expected.members.filter((m) => m.viewerId === viewerId && m.cycleId === cycle.cycleId);
        compare.same(
          `${where}: teams`,
          rows
            .map((row) => row[1])
            .sort()
            .join(", "),
          members
            .map((m) => expected.team.get(key(cycle.cycleId, m.managerId))!.manager)
            .sort()
            .join(", "),
        );
        for (const member of members) {
          const team = expected.team.get(key(cycle.cycleId, member.managerId))!;
          // The change in B compares with the previous closed cycle, for a team that was below the viewer then too.
          const before =
            previous && expected.members.some((m) => m.viewerId === viewerId && m.cycleId === previous.cycleId && m.managerId === member.managerId);
          const change = before ? expected.change.get(key(member.managerId, cycle.cycleId, previous.cycleId, "B", "")) : undefined;
          const row = rows.find((record) => record[1] === team.manager);
          compareCsvRow(compare, `${where}, ${team.manager}`, row, csvTeamRow(expected, team, member.parent, change, previous));
        }
        compareCsvRow(compare, `${where}, organisation`, org, csvOrgRow(expected, viewerId, cycle));
        files++;
      }
    }
    expect(files).toBe(2 * cycles.length);
    expect(compare.numbers).toBeGreaterThanOrEqual(MIN_CSV_NUMBERS);
    expect(compare.mismatches).toEqual([]);
  });
});

/**
 * The demo shows about 8,400 numbers in its reports (33 reports of 11 managers) and about
 * 930 in its CSVs (6 files): a run that compared far fewer has lost its way.
 */
const MIN_REPORT_NUMBERS = 7_500;
const MIN_CSV_NUMBERS = 800;

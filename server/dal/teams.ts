import "server-only";
import { stringify } from "csv-stringify/sync";
import { uuidSchema } from "@/lib/ids";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { resolveThresholds, type Thresholds } from "@/lib/scoring";
import { parseSituations } from "@/lib/situations";
import { teamsCsvRecords } from "@/lib/teams/csv";
import { asDisplayed, orgLine, type OrgLine, type TeamRow, teamRow } from "@/lib/teams/rows";
import { addTeamsPools, decodeTeamsPool, EMPTY_TEAMS_POOL } from "@/lib/teams/pools";
import { decodeStoredBalance, decodeTeamScores, TEAM_SCORES_VERSION } from "@/lib/teams/scores";
import { applyView, type TeamsView } from "@/lib/teams/view";
import { closeDueCycles } from "@/server/internal/cycles/close";
import { followThroughSeries } from "@/server/internal/follow-through";
import { ForbiddenError } from "./errors";
import { scoreCycleTeams } from "@/server/internal/team-scores";
import {
  type CycleRow,
  cycleRow,
  cyclesQuery,
  type ProgressRow,
  progressQuery,
  progressRow,
  teamsQuery,
  type TeamSummaryRow,
  teamSummaryRow,
} from "@/server/internal/teams-queries";
import { countWhileOpen, type ResponseCount } from "@/lib/response-count";
import type { Viewer } from "./viewer";

export interface TeamsCycle {
  id: string;
  name: string;
  state: "open" | "closed";
  opensOn: string;
  closesOn: string;
}

/** A team's progress in an open cycle: n of N, as `countWhileOpen` lets anyone see it. */
export interface ProgressTeam {
  id: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
  count: ResponseCount;
}

export type TeamsPage =
  /** No cycle has run with a team below the viewer yet. */
  | { status: "none" }
  /** An open cycle: n of N per team, never a score. */
  | { status: "open"; cycles: TeamsCycle[]; cycle: TeamsCycle; teams: ProgressTeam[] }
  | {
      status: "closed";
      cycles: TeamsCycle[];
      cycle: TeamsCycle;
      /** The closed cycle before this one, which the change in B compares with. */
      previous: TeamsCycle | null;
      thresholds: Thresholds;
      /** Every team below the viewer in the cycle's snapshot, as the anonymity gate lets it through. */
      teams: TeamRow[];
      org: OrgLine;
    };

export type ClosedTeamsPage = Extract<TeamsPage, { status: "closed" }>;

const toCycle = ({ id, name, state, opensOn, closesOn }: CycleRow): TeamsCycle => ({ id, name, state, opensOn, closesOn });

/**
 * The teams page for one cycle (by default the latest closed one the viewer may see, else
 * the latest open one), as this viewer may see it.
 *
 * Who sees what: a viewer sees, for a cycle, exactly the teams below them in that cycle's
 * snapshot of the reporting tree (the rater → manager rows of cycle_assignments, which
 * closing copies into cycle_team_summaries.reports_to): while the cycle is open, found by a
 * recursive walk down from the viewer; once it closed, as the range of places below the
 * viewer in the snapshot's pre-order, which scoring the cycle's teams stored
 * (lib/teams/tree). Being an admin grants nothing here. A cycle in which the viewer had no
 * team below them is refused with a ForbiddenError, whether or not it exists.
 *
 * What: scores only for closed cycles, only through lib/scoring's anonymity gate (a team
 * below k shows nothing, an aspect below k shows nothing), and the change in B only for
 * teams that were below the viewer in the previous closed cycle too. While a cycle is
 * open, counts only.
 *
 * Commitments: for each of those teams, how many actions the manager committed to after
 * the report before the cycle (those its opening froze), and how often the team saw them
 * practised, each commitment's item through the anonymity gate (lib/teams/follow-through).
 * Only for the rows the viewer sees: the managers below them in this cycle's snapshot, the
 * rule by which the report (server/dal/report.ts) shows the same follow-through to anyone
 * above the manager in the cycle's snapshot (server/internal/snapshot-tree.ts).
 *
 * Queries: closing any cycle past its date (one select when none is due), the list of
 * cycles with the viewer's access, k and how their teams were scored (one; a cycle whose
 * teams are not scored for its k is scored first), the teams with their stored scores and
 * commitment counts and the pools of the teams reporting to the viewer (one), and the
 * follow-through of every team with commitments (one, none when no team has any). No
 * team's statistics are read or scored on the way: the close stored what the gate lets
 * through (server/internal/team-scores).
 */
export async function loadTeamsPage(db: Database, viewer: Viewer, cycleId?: string): Promise<TeamsPage> {
  if (cycleId !== undefined && !uuidSchema.safeParse(cycleId).success) throw new ForbiddenError("open these teams");
  await closeDueCycles(db);
  const all = await selectRows(db, cyclesQuery(viewer.id), cycleRow);
  const cycles = all.filter((cycle) => cycle.accessible);
  const chosen = cycleId === undefined ? (cycles.find((cycle) => cycle.state === "closed") ?? cycles[0]) : cycles.find((cycle) => cycle.id === cycleId);
  if (!chosen) {
    if (cycleId === undefined) return { status: "none" };
    throw new ForbiddenError("open these teams for that cycle");
  }
  const cycle = toCycle(chosen);
  const visible = cycles.map(toCycle);

  if (cycle.state === "open") {
    const rows = await selectRows(db, progressQuery(viewer.id, cycle.id), progressRow);
    // Everyone below the viewer who is rated by someone leads a team.
    return { status: "open", cycles: visible, cycle, teams: withParentNames(rows, viewer) };
  }

  const index = all.indexOf(chosen);
  const previousRow = all.slice(index + 1).find((c) => c.state === "closed");
  const thresholds = resolveThresholds({ k: chosen.minRaters ?? undefined });
  const rows = await scoredTeamRows(db, viewer.id, chosen, previousRow ?? null);
  // Every commitment frozen in a cycle whose survey asked about them comes back, answered or
  // not; none comes back for a cycle that opened before the survey asked (see followThroughSeries).
  const series = await followThroughSeries(
    db,
    cycle.id,
    rows.filter((row) => row.commitments > 0).map((row) => row.id),
  );
  const names = new Map<string, string>([[viewer.id, viewer.name], ...rows.map((row): [string, string] => [row.id, row.name])]);
  const teams = rows.map((row) =>
    teamRow(
      {
        id: row.id,
        name: row.name,
        parentId: row.parentId,
        parentName: row.parentId ? (names.get(row.parentId) ?? null) : null,
        invited: row.invited,
        respondents: row.respondents,
        current: row.scores && decodeTeamScores(row.scores),
        previous: row.hadPrevious && row.prevBalance ? { balance: decodeStoredBalance(row.prevBalance) } : null,
        situations: parseSituations(row.situations),
        commitments: { count: row.commitments, answers: series.get(row.id)?.map((item) => item.moments) ?? null },
      },
      thresholds,
    ),
  );
  const pool = rows.reduce((sum, row) => (row.subtreePool ? addTeamsPools(sum, decodeTeamsPool(row.subtreePool)) : sum), EMPTY_TEAMS_POOL);
  return {
    status: "closed",
    cycles: visible,
    cycle,
    previous: previousRow ? toCycle(previousRow) : null,
    thresholds,
    teams,
    org: orgLine(pool, thresholds),
  };
}

/**
 * The teams query's rows, once the teams of both cycles are scored for their cycle's k by
 * the current scoring: where they are not (a cycle closed before scores were kept, or
 * scored by an older version), they are worked out first. Raising a closed cycle's k scores
 * its teams again in its own transaction, so a raise between reading the cycles and reading
 * the teams leaves rows scored at the higher k: stricter than the page's, never looser.
 */
async function scoredTeamRows(db: Database, viewerId: string, cycle: CycleRow, previous: CycleRow | null): Promise<TeamSummaryRow[]> {
  for (const { id, minRaters, viewerSummary } of previous ? [cycle, previous] : [cycle]) {
    const { k } = resolveThresholds({ k: minRaters ?? undefined });
    // A viewer without a team of their own in the cycle had no team below them there either.
    const scored = viewerSummary === null || (viewerSummary.scoredWithK === k && viewerSummary.scoringVersion === TEAM_SCORES_VERSION);
    if (!scored) await db.transaction((tx) => scoreCycleTeams(tx, id));
  }
  return selectRows(db, teamsQuery(viewerId, cycle.id, previous?.id ?? null), teamSummaryRow);
}

function withParentNames(rows: ProgressRow[], viewer: Viewer): ProgressTeam[] {
  const names = new Map<string, string>([[viewer.id, viewer.name], ...rows.map((row): [string, string] => [row.id, row.name])]);
  return rows.map(({ id, name, parentId, invited, responded }) => ({
    id,
    name,
    parentId,
    parentName: parentId ? (names.get(parentId) ?? null) : null,
    count: countWhileOpen(responded, invited),
  }));
}

export interface TeamsExport {
  filename: string;
  csv: string;
}

/**
 * The heatmap of one closed cycle as CSV, for a view (filter, search and sort): the same
 * rows in the same order as the page shows (both start from the rows rounded as shown),
 * every page of them, plus the organisation line. Hidden values are
 * empty cells with the reason in a column of their own; text that a spreadsheet could
 * read as a formula is neutralised. Only what the page may show goes in: never an answer.
 */
export async function exportTeams(db: Database, viewer: Viewer, cycleId: string, view: TeamsView): Promise<TeamsExport> {
  const page = await loadTeamsPage(db, viewer, cycleId);
  if (page.status !== "closed") throw new ForbiddenError("export an open cycle");
  // Sorted and filtered as the page does, and written from the rows rounded as the page sends them.
  const records = teamsCsvRecords(applyView(page.teams, view).map(asDisplayed), page.org, {
    thresholds: page.thresholds,
    previousCycleName: page.previous?.name ?? null,
  });
  return {
    filename: `fulcrum-teams-${page.cycle.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.csv`,
    // RFC 4180: CRLF between records, fields with a comma, quote or line break quoted, quotes
    // doubled. The byte-order mark tells spreadsheet programs the file is UTF-8.
    csv: stringify(records, { record_delimiter: "windows", bom: true }),
  };
}

import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { newestCycleFirst } from "@/server/internal/cycle-order";
import { z } from "zod";
import { uuidSchema } from "@/lib/ids";
import type { Database, Transaction } from "@/db/client";
import { selectRows } from "@/db/raw";
import { teamSituations } from "@/db/schema";
import { clock } from "@/lib/clock";
import { resolveThresholds, situationalTarget } from "@/lib/scoring";
import { parseSituations, SITUATION_KEYS, type SituationKey } from "@/lib/situations";
import { teamRow } from "@/lib/teams/rows";
import { teamScores } from "@/lib/teams/scores";
import { aggregateFromStatistics } from "@/lib/teams/summary";
import { ExpectedError, ForbiddenError } from "./errors";
import { statisticsArray, summaryStatistics } from "@/server/internal/teams-queries";
import type { Viewer } from "./viewer";

/**
 * A team's situation: which of the ten situations apply, as an append-only history (each
 * save adds a row with who and when; the latest row is the current situation).
 *
 * Who may do what, from today's reporting tree (situations are about the team as it is
 * now, not as a past cycle saw it):
 * - edit: anyone above the manager, following reports_to upward through active people
 *   only (an inactive person cuts the chain, as everywhere else in the app), provided the
 *   manager is active and leads a team (has at least one active report);
 * - read: the same people, and the manager, who never edits their own situation;
 * - anyone else, admins included, gets a ForbiddenError.
 */

export interface SituationEntry {
  id: string;
  situations: SituationKey[];
  target: number;
  changedBy: string;
  /** ISO 8601, UTC. */
  changedAt: string;
}

export interface LatestResult {
  cycleId: string;
  cycleName: string;
  /** B in that cycle, or null when the anonymity gate hides it. */
  balance: number | null;
  /** B − T with today's T, or null with B. */
  fitGap: number | null;
}

export interface TeamSituations {
  manager: { id: string; name: string };
  canEdit: boolean;
  current: SituationKey[];
  target: number;
  /** The id of the latest entry, which a save must be based on, or null before the first save. */
  latestId: string | null;
  /** Newest first, at most HISTORY_LIMIT entries; `changes` counts them all. */
  history: SituationEntry[];
  changes: number;
  /** The team's result in the latest closed cycle whose result this viewer may read, for the fit gap. */
  latest: LatestResult | null;
}

export const HISTORY_LIMIT = 25;

/** A refusal the director can act on; its message is safe to show. */
export class SituationConflictError extends ExpectedError {
  override name = "SituationConflictError";
  override readonly stale = true;
}

/** The manager's name (null when there is no such person), whether the viewer is above them, and whether they lead a team. */
const standingRow = z.object({ name: z.string().nullable(), above: z.boolean(), leadsTeam: z.boolean() });
type Standing = z.infer<typeof standingRow>;

/** Where the viewer stands relative to the manager in today's tree. */
async function standing(db: Database | Transaction, viewer: Viewer, managerId: string): Promise<Standing> {
  const [row] = await selectRows(
    db,
    sql`
      WITH RECURSIVE up(person_id, depth) AS (
        SELECT p.reports_to, 1 FROM people p WHERE p.id = ${managerId} AND p.is_active AND p.reports_to IS NOT NULL
        UNION ALL
        SELECT p.reports_to, up.depth + 1 FROM up JOIN people p ON p.id = up.person_id
          WHERE p.is_active AND p.reports_to IS NOT NULL AND up.depth < 64
      )
      SELECT (SELECT name FROM people WHERE id = ${managerId}) AS name,
        EXISTS (SELECT 1 FROM up JOIN people v ON v.id = up.person_id AND v.is_active WHERE up.person_id = ${viewer.id}) AS above,
        EXISTS (SELECT 1 FROM people r WHERE r.reports_to = ${managerId} AND r.is_active) AS "leadsTeam"`,
    standingRow,
  );
  return row ?? { name: null, above: false, leadsTeam: false };
}

/** One save of a team's situation, with how many saves the team has in all. */
const situationEntryRow = z.object({
  id: z.string(),
  /** Comma-separated, as parseSituations reads them. */
  situations: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.iso.datetime(),
  total: z.int(),
});

export async function loadTeamSituations(db: Database, viewer: Viewer, managerId: string): Promise<TeamSituations> {
  if (!uuidSchema.safeParse(managerId).success) throw new ForbiddenError("see this team's situation");
  const isManager = managerId === viewer.id;
  const where = await standing(db, viewer, managerId);
  if (where.name === null || !(isManager || where.above)) throw new ForbiddenError("see this team's situation");

  const history = await selectRows(
    db,
    sql`
      SELECT t.id, array_to_string(t.situations, ',') AS situations, p.name AS "changedBy",
        to_char(t.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "changedAt",
        count(*) OVER ()::int AS total
      FROM team_situations t JOIN people p ON p.id = t.changed_by
      WHERE t.manager_id = ${managerId}
      ORDER BY t.changed_at DESC, t.id DESC
      LIMIT ${HISTORY_LIMIT}`,
    situationEntryRow,
  );
  const entries = history.map((row) => {
    const situations = parseSituations(row.situations);
    return { id: row.id, situations, target: situationalTarget(situations), changedBy: row.changedBy, changedAt: row.changedAt };
  });
  const current = entries[0]?.situations ?? [];
  const target = situationalTarget(current);
  return {
    manager: { id: managerId, name: where.name },
    canEdit: !isManager && where.above && where.leadsTeam,
    current,
    target,
    latestId: entries[0]?.id ?? null,
    history: entries,
    changes: history[0]?.total ?? 0,
    latest: await latestResult(db, viewer, managerId, current),
  };
}

/** A closed cycle's summary of one team, with the cycle's k: the nine statistics arrays as one (summaryStatistics). */
const latestSummaryRow = z.object({
  cycleId: z.string(),
  cycleName: z.string(),
  invited: z.int(),
  respondents: z.int(),
  stats: statisticsArray,
  minRaters: z.int().nullable(),
});

/**
 * B in the latest closed cycle in which the viewer may read this team's result: their own
 * team, or a team below them in that cycle's snapshot (the same rule as the report). Read
 * from the cycle's summaries and passed through the anonymity gate.
 */
async function latestResult(db: Database, viewer: Viewer, managerId: string, situations: SituationKey[]): Promise<LatestResult | null> {
  const [row] = await selectRows(
    db,
    sql`
      WITH RECURSIVE up(cycle_id, person_id) AS (
        SELECT s.cycle_id, s.reports_to FROM cycle_team_summaries s
          WHERE s.manager_id = ${managerId} AND s.reports_to IS NOT NULL
        UNION
        SELECT s.cycle_id, s.reports_to FROM up
          JOIN cycle_team_summaries s ON s.cycle_id = up.cycle_id AND s.manager_id = up.person_id
          WHERE s.reports_to IS NOT NULL
      )
      SELECT c.id AS "cycleId", c.name AS "cycleName", s.invited, s.respondents, ${summaryStatistics("s")} AS stats,
        c.min_raters::int AS "minRaters"
      FROM cycle_team_summaries s JOIN cycles c ON c.id = s.cycle_id
      WHERE s.manager_id = ${managerId}
        AND (${managerId === viewer.id} OR EXISTS (SELECT 1 FROM up WHERE up.cycle_id = s.cycle_id AND up.person_id = ${viewer.id}))
      ORDER BY ${newestCycleFirst("c")}
      LIMIT 1`,
    latestSummaryRow,
  );
  if (!row) return null;
  const thresholds = resolveThresholds({ k: row.minRaters ?? undefined });
  const result = teamRow(
    {
      id: managerId,
      name: "",
      parentId: null,
      parentName: null,
      invited: row.invited,
      respondents: row.respondents,
      current: teamScores(aggregateFromStatistics(row.respondents, row.stats), thresholds),
      previous: null,
      situations,
    },
    thresholds,
  );
  return { cycleId: row.cycleId, cycleName: row.cycleName, balance: result.balance, fitGap: result.fitGap };
}

export type SaveOutcome = { status: "saved" | "unchanged"; target: number };

/**
 * Records a new situation for a team, as one more entry of its history, in a transaction.
 * `basedOn` is the latest entry the form showed: if someone saved in between, nothing is
 * written and a SituationConflictError says so, rather than silently overwriting them.
 * Saves of one team are serialised by a row lock on the manager, and stamped with the
 * clock at that moment, so the latest entry is always the last save.
 */
export async function saveTeamSituations(
  db: Database,
  viewer: Viewer,
  managerId: string,
  situations: readonly SituationKey[],
  basedOn: string | null,
): Promise<SaveOutcome> {
  if (!uuidSchema.safeParse(managerId).success) throw new ForbiddenError("change this team's situation");
  const marked = SITUATION_KEYS.filter((key) => situations.includes(key));
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM people WHERE id = ${managerId} FOR NO KEY UPDATE`);
    const where = await standing(tx, viewer, managerId);
    if (managerId === viewer.id || !where.above || !where.leadsTeam) throw new ForbiddenError("change this team's situation");
    const [latest] = await tx
      .select({ id: teamSituations.id, situations: teamSituations.situations })
      .from(teamSituations)
      .where(eq(teamSituations.managerId, managerId))
      .orderBy(desc(teamSituations.changedAt), desc(teamSituations.id))
      .limit(1);
    if ((latest?.id ?? null) !== basedOn) {
      throw new SituationConflictError("Someone changed this team's situation while you were editing it. Check the history, then save again.");
    }
    const target = situationalTarget(marked);
    const previous = latest?.situations ?? [];
    if (previous.length === marked.length && previous.every((key) => marked.includes(key))) return { status: "unchanged", target };
    await tx.insert(teamSituations).values({ managerId, situations: marked, changedBy: viewer.id, changedAt: clock.now() });
    return { status: "saved", target };
  });
}

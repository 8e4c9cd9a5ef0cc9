import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { clock } from "@/lib/clock";
import { byLowestShare, daysLeft, type OrgCount, orgCount } from "@/lib/participation";
import { countWhileOpen, type ResponseCount } from "@/lib/response-count";
import { closeDueCycles } from "@/server/internal/cycles/close";
import { newestCycleFirst } from "@/server/internal/cycle-order";
import { requireAdmin } from "./errors";
import type { Viewer } from "./viewer";

/** A team in an open cycle: its manager, whom they report to in the cycle's snapshot, and n of N as `countWhileOpen` shows it. */
export interface ParticipationTeam {
  managerId: string;
  managerName: string;
  /** The manager's own manager in the cycle's snapshot; null at the top of the tree. */
  reportsToName: string | null;
  count: ResponseCount;
}

/** One open cycle's participation, as an administrator may see it. */
export interface OpenCycleParticipation {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
  /** Days it still takes answers, today (lib/clock) included. */
  daysLeft: number;
  /** The sum of the team counts as shown (lib/participation explains why never the exact total). */
  org: OrgCount;
  /** Lowest share answered first (lib/participation `byLowestShare`). */
  teams: ParticipationTeam[];
}

const openCycleRow = z.object({ id: z.string(), name: z.string(), opensOn: z.iso.date(), closesOn: z.iso.date() });

const teamRow = z.object({
  cycleId: z.string(),
  managerId: z.string(),
  managerName: z.string(),
  reportsToName: z.string().nullable(),
  invited: z.int(),
  responded: z.int(),
});

/**
 * Participation in every open cycle, for administrators only (anyone else gets a
 * ForbiddenError, which the page turns into a 404): per team of the cycle's snapshot (a
 * manager rated by at least one person other than themselves), n of N through
 * `countWhileOpen`, the one counting rule; the organisation's figure added up from those
 * shown counts; and the days left. Cycles in the one order, newest first.
 *
 * What it never returns: who has or has not answered. The query groups the snapshot's
 * rater → manager rows by manager, so no rater's id or name leaves the database, and the
 * exact count is turned into the shown one here, before anything is returned. The only
 * people named are managers (and their own managers, who lead a team of the snapshot too).
 *
 * Queries: closing any cycle past its date (one select when none is due), the open cycles
 * (one), their teams with their counts (one).
 */
export async function loadParticipation(db: Database, viewer: Viewer): Promise<OpenCycleParticipation[]> {
  requireAdmin(viewer, "see participation in open cycles");
  await closeDueCycles(db);
  const today = clock.today();
  const cycles = await selectRows(
    db,
    sql`SELECT c.id, c.name, c.opens_on::text AS "opensOn", c.closes_on::text AS "closesOn"
      FROM cycles c WHERE c.state = 'open' ORDER BY ${newestCycleFirst("c")}`,
    openCycleRow,
  );
  if (cycles.length === 0) return [];
  const rows = await selectRows(
    db,
    sql`
      SELECT a.cycle_id AS "cycleId", m.id AS "managerId", m.name AS "managerName",
        (SELECT boss.name FROM cycle_assignments up JOIN people boss ON boss.id = up.manager_id
          WHERE up.cycle_id = a.cycle_id AND up.rater_id = m.id AND up.manager_id <> up.rater_id
          ORDER BY boss.name, boss.id LIMIT 1) AS "reportsToName",
        count(a.rater_id)::int AS invited, count(p.rater_id)::int AS responded
      FROM cycle_assignments a
      JOIN cycles c ON c.id = a.cycle_id AND c.state = 'open'
      JOIN people m ON m.id = a.manager_id
      LEFT JOIN participations p ON p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id
      WHERE a.rater_id <> a.manager_id
      GROUP BY a.cycle_id, m.id, m.name`,
    teamRow,
  );
  return cycles.map((cycle) => {
    const teams = rows
      .filter((row) => row.cycleId === cycle.id)
      .map(({ managerId, managerName, reportsToName, invited, responded }): ParticipationTeam => ({
        managerId,
        managerName,
        reportsToName,
        count: countWhileOpen(responded, invited),
      }));
    return {
      ...cycle,
      daysLeft: daysLeft(today, cycle.closesOn),
      org: orgCount(teams.map((team) => team.count)),
      teams: byLowestShare(teams),
    };
  });
}

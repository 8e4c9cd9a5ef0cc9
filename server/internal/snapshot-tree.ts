import "server-only";
import { type SQL, sql } from "drizzle-orm";

/**
 * The people above a manager in each cycle's snapshot, as the body of a recursive common
 * table expression `above(cycle_id, person_id)`: in each cycle the manager rates their own
 * manager, who rates theirs, and so on up the snapshot's tree (cycle_assignments, the
 * self-assessment rows left out). Put it after `WITH RECURSIVE`. With `cycleId`, only that
 * cycle's snapshot is climbed.
 *
 * The one rule for who may read a manager's results and what belongs to them, besides the
 * manager: the report (server/dal/report.ts) and the commitments (server/dal/commitments.ts)
 * both use it.
 */
export function aboveInSnapshot(managerId: string, cycleId?: string): SQL {
  const inCycle = cycleId === undefined ? sql`` : sql` AND a.cycle_id = ${cycleId}`;
  return sql`above(cycle_id, person_id) AS (
      SELECT a.cycle_id, a.manager_id FROM cycle_assignments a
        WHERE a.rater_id = ${managerId} AND a.manager_id <> a.rater_id${inCycle}
      UNION
      SELECT a.cycle_id, a.manager_id FROM cycle_assignments a
        JOIN above ON a.cycle_id = above.cycle_id AND a.rater_id = above.person_id
        WHERE a.manager_id <> a.rater_id
    )`;
}

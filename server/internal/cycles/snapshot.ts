import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";

/**
 * Takes a draft cycle's snapshot of who rates whom from the reporting tree as it is now:
 * every active person rates their active direct manager, and every active manager with
 * active reports assesses themselves. Run it in the transaction that opens the cycle.
 */
export async function takeSnapshot(tx: Database | Transaction, cycleId: string) {
  await tx.execute(sql`
    INSERT INTO cycle_assignments (cycle_id, rater_id, manager_id)
    SELECT ${cycleId}::uuid, p.id, p.reports_to
      FROM people p JOIN people m ON m.id = p.reports_to
      WHERE p.is_active AND m.is_active
    UNION ALL
    SELECT ${cycleId}::uuid, m.id, m.id
      FROM people m
      WHERE m.is_active AND EXISTS (SELECT 1 FROM people r WHERE r.reports_to = m.id AND r.is_active)`);
}

import { and, eq, lt, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { cycles } from "@/db/schema";
import { clock } from "@/lib/clock";

/**
 * Closes an open cycle and cuts the last links between participation and responses.
 *
 * While a cycle is open, a participation row and its response row are written in one
 * transaction, so they share a transaction id (xmin), and they lie in the table in
 * submission order (ctid). Closing copies the cycle's responses and answers out, deletes
 * them and writes them back in random order, all in the closing transaction: every row
 * then carries that one transaction id and a random position. VACUUM afterwards removes
 * the old row versions. The same transaction fills the cycle's team summaries, which the
 * teams page reads. `closedAt` backdates the close, for the demo's past cycles, and
 * `alsoInTransaction` records what else belongs to the close (an audit entry, say).
 * Returns false when the cycle was not open (already closed, say).
 */
export async function closeCycle(
  db: Database,
  cycleId: string,
  options: { closedAt?: Date; alsoInTransaction?: (tx: Transaction) => Promise<void> } = {},
): Promise<boolean> {
  const closed = await db.transaction(async (tx) => {
    const [cycle] = await tx.select({ state: cycles.state }).from(cycles).where(eq(cycles.id, cycleId)).for("update");
    if (cycle?.state !== "open") return false;
    await tx.execute(sql`
      CREATE TEMPORARY TABLE closing_responses ON COMMIT DROP AS
        SELECT * FROM responses WHERE cycle_id = ${cycleId} ORDER BY random()`);
    await tx.execute(sql`
      CREATE TEMPORARY TABLE closing_answers ON COMMIT DROP AS
        SELECT a.* FROM response_answers a JOIN responses r ON r.id = a.response_id
        WHERE r.cycle_id = ${cycleId} ORDER BY random()`);
    // Deleting the responses deletes their answers too (ON DELETE CASCADE).
    await tx.execute(sql`DELETE FROM responses WHERE cycle_id = ${cycleId}`);
    await tx.execute(sql`INSERT INTO responses SELECT * FROM closing_responses ORDER BY random()`);
    await tx.execute(sql`INSERT INTO response_answers SELECT * FROM closing_answers ORDER BY random()`);
    // The teams page reads per-team sufficient statistics, not the answers: they are
    // computed here, once, from the rewritten answers (see cycle_team_summaries).
    await tx.execute(sql`SELECT fill_cycle_team_summaries(${cycleId}::uuid)`);
    await tx.update(cycles).set({ state: "closed", closedAt: options.closedAt ?? clock.now() }).where(eq(cycles.id, cycleId));
    await options.alsoInTransaction?.(tx);
    return true;
  });
  if (closed) await db.execute(sql`VACUUM (ANALYZE) responses, response_answers, cycle_team_summaries`);
  return closed;
}

/**
 * Closes every open cycle whose close date has passed. Called on the requests that touch
 * cycles, so no scheduler is needed: a cycle closes at the latest on the next such request.
 * Dates are UTC calendar days, from the app's clock; a cycle stays open through its close
 * date.
 */
export async function closeDueCycles(db: Database): Promise<number> {
  const due = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.state, "open"), lt(cycles.closesOn, clock.today())));
  let closedCount = 0;
  for (const cycle of due) if (await closeCycle(db, cycle.id)) closedCount++;
  return closedCount;
}

import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { selectRows } from "@/db/raw";
import { uuidSchema } from "@/lib/ids";

/**
 * Each open cycle keeps its sealed responses in a partition of `sealed_responses` of its
 * own (see the migration). Opening the cycle creates it; once the close has opened the
 * seals and committed, the partition is dropped, which removes its files: no image of a
 * sealed row, not even a dead one kept for an old snapshot, stays in the database.
 */

/** Through the migration's SECURITY DEFINER function: the app's role need not own the table. */
export async function createSealedPartition(tx: Transaction, cycleId: string) {
  await tx.execute(sql`SELECT create_sealed_partition(${uuidSchema.parse(cycleId)}::uuid)`);
}

/**
 * How long dropping a partition may wait for its lock. Dropping one locks the whole
 * `sealed_responses` table for a moment, so it waits behind any submission in flight and
 * any transaction reading the table. A close never waits longer than this for one: what it
 * could not drop is dropped later (see `dropClosedPartitions`).
 */
export const DROP_LOCK_TIMEOUT_MS = 2_000;

const LOCK_NOT_AVAILABLE = "55P03";

function sqlState(error: unknown): string | undefined {
  for (let current = error; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** A partition of `sealed_responses`, by its table name. */
const partitionRow = z.object({ partition: z.string() });

/**
 * Drops the partitions of every cycle that is no longer open, each waiting at most
 * DROP_LOCK_TIMEOUT_MS for its lock. Returns how many are still there because a long
 * transaction held the table; they go the next time this runs: after the next close, at
 * the next start, or on the next request that checks for cycles to close.
 */
export async function dropClosedPartitions(db: Database): Promise<number> {
  const leftOver = await selectRows(
    db,
    sql`SELECT child.relname AS partition
      FROM pg_inherits i
      JOIN pg_class child ON child.oid = i.inhrelid
      JOIN pg_class parent ON parent.oid = i.inhparent AND parent.relname = 'sealed_responses'
      JOIN pg_namespace n ON n.oid = parent.relnamespace AND n.nspname = current_schema()
      WHERE NOT EXISTS (SELECT 1 FROM cycles c WHERE c.state = 'open'
        AND child.relname = 'sealed_responses_' || replace(c.id::text, '-', ''))`,
    partitionRow,
  );
  let remaining = 0;
  for (const { partition } of leftOver) {
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL lock_timeout = ${DROP_LOCK_TIMEOUT_MS}`));
        await tx.execute(sql`SELECT drop_sealed_partition(${partition})`);
      });
    } catch (error) {
      if (sqlState(error) !== LOCK_NOT_AVAILABLE) throw error;
      remaining++;
    }
  }
  return remaining;
}

import type { SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";

/**
 * Runs a hand-written query and returns its rows as `Row` says, unchecked: for tests and
 * benchmarks, which read tables directly to see what is stored. Production code uses the
 * checked `selectRows` of db/raw.ts, with a zod schema of the row; eslint.config.mjs keeps
 * it from importing anything under tests/. postgres.js hands back an array and PGlite an
 * object with `rows`.
 */
export async function selectUncheckedRows<Row>(db: Database | Transaction, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

import type { SQL } from "drizzle-orm";
import type { Database, Transaction } from "./client";

/**
 * Runs a hand-written query and returns its rows. postgres.js hands back an array and
 * PGlite an object with `rows`; callers should not have to care which.
 */
export async function selectRows<Row>(db: Database | Transaction, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

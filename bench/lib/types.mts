import type { Database } from "@/db/client";
import type { Summary } from "./stats.mjs";

/** What every measurement gets: the running app, a signed-in session, and a database client of its own. */
export interface BenchContext {
  /** http://127.0.0.1:<port>: the app under test. Nothing else is ever loaded. */
  baseUrl: string;
  /** The Cookie header of the signed-in benchmark account. */
  cookie: string;
  /** The benchmark account: the top of the large seed's tree. */
  viewer: { id: string; email: string; name: string };
  db: Database;
  runs: number;
  warmup: number;
  /** Every request and statement is abandoned after this long. */
  timeoutMs: number;
}

export interface MeasurementResult extends Summary {
  /** Row label in the table. */
  name: string;
  /** What was timed, in a sentence. */
  detail: string;
  /** Extra facts worth printing (rows returned, bytes, …). */
  notes?: string;
  /** An upper bound the result must stay within, if this row has one. */
  budgetMs?: number;
}

/** One row (or a few) of the benchmark table. Issue #9 adds more of these. */
export interface Measurement {
  name: string;
  /** Measurements that drive the app need it running; pure SQL ones do not. */
  needsApp: boolean;
  run(context: BenchContext): Promise<MeasurementResult[]>;
}

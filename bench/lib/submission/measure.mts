import type { Database } from "@/db/client";
import type { LoadResult } from "../load.mjs";
import { runBareRoute } from "./bare-route.mjs";
import { type PgbenchLoad, runPgbench } from "./pgbench.mjs";
import type { RaterQueue } from "./raters.mjs";
import { runServerAction, type ServerActionLoad } from "./server-action.mjs";
import { checkSubmissions, countSubmissions, NO_SUBMISSIONS, type SubmissionCounts } from "./verify.mjs";

export interface SubmissionResult extends LoadResult {
  /** Differences between the rows written and the submissions reported saved: empty when they agree. */
  integrity: string[];
}

/** One concurrency level: the server action and, on PostgreSQL, its two floors. */
export interface SubmissionRun {
  concurrency: number;
  serverAction: SubmissionResult;
  bareRoute?: SubmissionResult;
  pgbench?: SubmissionResult;
}

/**
 * Runs one load and, given the database (PostgreSQL, reachable while the app runs), checks
 * afterwards that the rows written are exactly the submissions reported saved, each whole:
 * a participation and a sealed row (verify.mts).
 */
async function verified(db: Database | undefined, raters: RaterQueue, run: () => Promise<LoadResult>): Promise<SubmissionResult> {
  if (!db) return { ...(await run()), integrity: [] };
  const cycleIds = raters.cycleIds();
  const before = await countSubmissions(db, cycleIds);
  const result = await run();
  return { ...result, integrity: await checkSubmissions(db, cycleIds, before, result.sent.ok) };
}

/**
 * Survey submissions through the real server action over HTTP. Pass `db` on PostgreSQL to
 * verify the rows after the run; on PGlite, which the app holds exclusively, leave it out
 * and call verifyAcrossRuns once the app has stopped.
 */
export function measureServerAction(options: ServerActionLoad & { db?: Database }): Promise<SubmissionResult> {
  return verified(options.db, options.raters, () => runServerAction(options));
}

/** The same submissions through the bare route handler (startBareRoute), verified in `db`. */
export function measureBareRoute(options: Parameters<typeof runBareRoute>[0] & { db: Database }): Promise<SubmissionResult> {
  return verified(options.db, options.raters, () => runBareRoute(options));
}

/** The same transaction run by pgbench in benchmark cycles of its own, verified in `db`. */
export async function measurePgbench(options: PgbenchLoad): Promise<SubmissionResult> {
  const { cycleIds, ...result } = await runPgbench(options);
  return { ...result, integrity: await checkSubmissions(options.db, cycleIds, NO_SUBMISSIONS, result.sent.ok) };
}

/**
 * For PGlite: once the app has stopped, checks that the rows written since `before`
 * (counted before the app started) are exactly the submissions all the runs reported
 * saved, and marks every run's server action with any problem found.
 */
export async function verifyAcrossRuns(db: Database, raters: RaterQueue, before: SubmissionCounts, runs: readonly SubmissionRun[]): Promise<SubmissionRun[]> {
  const saved = runs.reduce((total, run) => total + run.serverAction.sent.ok, 0);
  const problems = (await checkSubmissions(db, raters.cycleIds(), before, saved)).map((problem) => `across all runs: ${problem}`);
  return runs.map((run) => ({ ...run, serverAction: { ...run.serverAction, integrity: [...run.serverAction.integrity, ...problems] } }));
}

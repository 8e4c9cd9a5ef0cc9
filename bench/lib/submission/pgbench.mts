import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clock } from "@/lib/clock";
import { selectUncheckedRows } from "@/tests/support/raw";
import { CURRENT_SEALED_FORMAT } from "@/lib/survey/sealed-answers";
import { sealedBytes } from "@/server/seal";

/** The benchmark cycles open now, so they seal in the current format. */
const SEALED_BYTES = sealedBytes(CURRENT_SEALED_FORMAT);
import type { LoadResult } from "../load.mjs";
import { percentile } from "../stats.mjs";
import { root } from "./next-server.mjs";
import { freshRaters, type Rater } from "./raters.mjs";

const SCRIPT = path.join(root, "bench", "pgbench", "submit.sql");
/** pgbench's error when the script finds no rater left: the run took more than were staged. */
const OUT_OF_RATERS = "expected one row, got 0";

/**
 * pgbench opens one connection per client on top of what the app and the bare route hold
 * (their pools stay connected): say so plainly rather than fail halfway with "too many clients".
 */
async function checkConnectionSlots(db: Database, needed: number) {
  const [slots] = await selectUncheckedRows<{ free: number }>(
    db,
    sql`SELECT current_setting('max_connections')::int - count(*)::int AS free FROM pg_stat_activity WHERE backend_type = 'client backend'`,
  );
  if (slots!.free < needed) {
    throw new Error(
      `pgbench needs ${needed} connections and PostgreSQL has ${slots!.free} free: stop the bare route or the app first, or lower DATABASE_POOL_MAX.`,
    );
  }
}

/** Puts the raters where the pgbench script takes them from, one per transaction, in order. */
async function stageRaters(db: Database, raters: readonly Rater[]) {
  const rows = raters.map((r, i) => ({ n: i + 1, rater_id: r.raterId, cycle_id: r.cycleId, manager_id: r.managerId }));
  await unstageRaters(db);
  await db.execute(sql`CREATE UNLOGGED TABLE pgbench_raters (n int PRIMARY KEY, rater_id uuid NOT NULL, cycle_id uuid NOT NULL, manager_id uuid NOT NULL)`);
  await db.execute(sql`
    INSERT INTO pgbench_raters SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(n int, rater_id uuid, cycle_id uuid, manager_id uuid)`);
  await db.execute(sql`ANALYZE pgbench_raters`);
  await db.execute(sql`CREATE SEQUENCE pgbench_rater_seq`);
}

async function unstageRaters(db: Database) {
  await db.execute(sql`DROP TABLE IF EXISTS pgbench_raters`);
  await db.execute(sql`DROP SEQUENCE IF EXISTS pgbench_rater_seq`);
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

interface Transaction {
  /** Completion, in ms since the epoch. */
  at: number;
  latency: number;
}

/**
 * pgbench's per-transaction log (-l), one file per thread: "client_id transaction_no time
 * script_no time_epoch time_us", `time` being the transaction's latency in µs.
 */
function readLogs(dir: string): Transaction[] {
  const transactions: Transaction[] = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 6) continue;
      const [, , micros, , epoch, epochMicros] = fields.map(Number) as [number, number, number, number, number, number];
      transactions.push({ at: epoch * 1000 + epochMicros / 1000, latency: micros / 1000 });
    }
  }
  return transactions.sort((a, b) => a.at - b.at);
}

export interface PgbenchLoad {
  /** The PostgreSQL database the app uses, as a postgres:// URL (libpq reads it as is). */
  databaseUrl: string;
  db: Database;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  /**
   * More transactions a second than pgbench can possibly run here: that many raters per
   * second of the run are staged (it took about 2,200 a second on 2 cores). Running out
   * ends the window early, and the row says so.
   */
  ratersPerSecond?: number;
}

export interface PgbenchResult extends LoadResult {
  /** The benchmark cycles opened for this run: where its rows are. */
  cycleIds: string[];
}

/**
 * The submission's floor in PostgreSQL itself: bench/pgbench/submit.sql run by pgbench at
 * the same concurrency (one connection per client, prepared statements, two threads),
 * every transaction by a rater of benchmark cycles opened for this run, and writing the
 * same rows as the app: a participation and a sealed row of SEALED_BYTES, here random
 * bytes, since the encryption happens in the app. Counted like the HTTP loads: the
 * transactions that complete in the window after the warm-up.
 */
export async function runPgbench(options: PgbenchLoad): Promise<PgbenchResult> {
  const warmupMs = options.warmupMs ?? 2_000;
  // Connecting the clients takes a moment under load: the margin keeps the window whole.
  const seconds = Math.ceil((warmupMs + options.durationMs) / 1000) + 2;
  await checkConnectionSlots(options.db, options.concurrency);
  const raters = await freshRaters(options.db, seconds * (options.ratersPerSecond ?? 6_000));
  await stageRaters(options.db, raters);
  const logDir = mkdtempSync(path.join(tmpdir(), "fulcrum-pgbench-"));
  try {
    const threads = Math.min(2, options.concurrency);
    // What the sealed row holds: as many bytes as every real seal, random like ciphertext (zeros would compress).
    const sealed = randomBytes(SEALED_BYTES).toString("hex");
    const args = ["-n", "-M", "prepared", "-c", String(options.concurrency), "-j", String(threads), "-T", String(seconds)];
    args.push("-D", `today=${clock.today()}`, "-D", `sealed=${sealed}`);
    const result = await run("pgbench", [...args, "-f", SCRIPT, "-l", "--log-prefix", path.join(logDir, "tx"), options.databaseUrl]);
    const transactions = readLogs(logDir);
    if (transactions.length === 0) throw new Error(`pgbench completed no transaction (exit ${result.code}):\n${result.stderr.slice(0, 2000)}`);

    const started = transactions.reduce((first, t) => Math.min(first, t.at - t.latency), Number.POSITIVE_INFINITY);
    const windowStart = started + warmupMs;
    const windowEnd = Math.min(windowStart + options.durationMs, transactions.at(-1)!.at);
    const latencies = transactions
      .filter((t) => t.at >= windowStart && t.at < windowEnd)
      .map((t) => t.latency)
      .sort((a, b) => a - b);
    // A client that hits an error stops (pgbench aborts it); running out of raters is not a failure of the transaction.
    const aborted = result.stderr.split("\n").filter((line) => /aborted|error/i.test(line) && !line.includes(OUT_OF_RATERS));
    return {
      rps: (latencies.length * 1000) / (windowEnd - windowStart),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      ok: latencies.length,
      failed: aborted.length,
      durationMs: windowEnd - windowStart,
      concurrency: options.concurrency,
      sent: { ok: transactions.length, failed: aborted.length },
      exhausted: windowEnd < windowStart + options.durationMs,
      failures: aborted.slice(0, 5),
      cycleIds: [...new Set(raters.map((rater) => rater.cycleId))],
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
    await unstageRaters(options.db);
  }
}

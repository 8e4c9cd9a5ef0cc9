// `npm run bench`: measures Fulcrum against the large seed on PostgreSQL and prints a
// markdown table (also written to bench/results.json, which git ignores).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fulcrum_large npm run bench
//
// It builds the app if its sources changed, serves it on 127.0.0.1 only, signs in as the
// top of the large seed's tree and times each measurement in bench/lib: first the ones that
// need only the database, then the ones that drive the app. Every request and statement
// has a timeout, and the whole run a time limit.
//
// Settings (environment): BENCH_RUNS (default 20, at least 20), BENCH_WARMUP (5),
// BENCH_PORT (3400), BENCH_EMAIL / BENCH_PASSWORD (the large seed's top account),
// BENCH_TIME_LIMIT_S (1200), BENCH_ONLY (comma-separated measurement names).
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { selectRows } from "@/db/raw";
import { LARGE_PASSWORD, LARGE_TOP_EMAIL } from "@/db/seed/large";
import { startApp } from "./lib/app.mjs";
import { markdownTable, writeResults } from "./lib/report.mjs";
import { signIn } from "./lib/session.mjs";
import { teamsRaw } from "./lib/teams-raw.mjs";
import { teamsRender } from "./lib/teams-render.mjs";
import { teamsSql } from "./lib/teams-sql.mjs";
import type { BenchContext, Measurement, MeasurementResult } from "./lib/types.mjs";

/** Every measurement, in the order they run. Add new ones here. */
const MEASUREMENTS: Measurement[] = [teamsSql, teamsRaw, teamsRender];

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`);
  return value;
};

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("The benchmark runs on PostgreSQL: set DATABASE_URL to a database seeded with `npm run db:seed:large`.");
  process.exit(1);
}
const runs = Math.max(20, number("BENCH_RUNS", 20));
const warmup = number("BENCH_WARMUP", 5);
const port = number("BENCH_PORT", 3400);
const timeoutMs = 30_000;
const email = process.env.BENCH_EMAIL ?? LARGE_TOP_EMAIL;
const password = process.env.BENCH_PASSWORD ?? LARGE_PASSWORD;
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
const selected = MEASUREMENTS.filter((m) => !only || only.includes(m.name));

const limit = setTimeout(() => {
  console.error(`The benchmark ran past its time limit and was stopped.`);
  process.exit(2);
}, number("BENCH_TIME_LIMIT_S", 1200) * 1000);
limit.unref();

const log = (line: string) => console.error(line);
const handle = openPostgres({ url: databaseUrl, poolMax: 4, statementTimeoutMs: timeoutMs });
let app: Awaited<ReturnType<typeof startApp>> | null = null;
try {
  const [viewer] = await selectRows<{ id: string; email: string; name: string }>(
    handle.db,
    sql`SELECT id, email, name FROM people WHERE email = ${email}`,
  );
  if (!viewer) throw new Error(`No account ${email}: seed the database with \`npm run db:seed:large\` first.`);
  const [facts] = await selectRows<{ people: number; responses: number; closed: number; managers: number }>(
    handle.db,
    sql`SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM responses) AS responses,
      (SELECT count(*)::int FROM cycles WHERE state = 'closed') AS closed,
      (SELECT count(DISTINCT manager_id)::int FROM cycle_assignments WHERE rater_id <> manager_id) AS managers`,
  );
  log(`Database: ${facts?.people} people, ${facts?.managers} managers, ${facts?.responses} responses, ${facts?.closed} closed cycles.`);

  const context: BenchContext = { baseUrl: "", cookie: "", viewer, db: handle.db, runs, warmup, timeoutMs };
  const results: MeasurementResult[] = [];
  for (const measurement of selected.filter((m) => !m.needsApp)) {
    log(`Measuring ${measurement.name}…`);
    results.push(...(await measurement.run(context)));
  }
  if (selected.some((m) => m.needsApp)) {
    app = await startApp({ databaseUrl, port, startTimeoutMs: 15 * 60_000, log });
    context.baseUrl = app.baseUrl;
    context.cookie = await signIn(app.baseUrl, email, password, timeoutMs);
    for (const measurement of selected.filter((m) => m.needsApp)) {
      log(`Measuring ${measurement.name}…`);
      results.push(...(await measurement.run(context)));
    }
  }

  console.log(`\nFulcrum benchmark: ${facts?.managers} managers, ${facts?.responses} responses, signed in as ${viewer.email}; ${runs} runs after ${warmup} warm-up.\n`);
  console.log(markdownTable(results));
  const file = path.join(import.meta.dirname, "results.json");
  writeResults(file, { at: new Date().toISOString(), node: process.version, database: facts, viewer: viewer.email, runs, warmup, results });
  log(`\nWritten to ${path.relative(process.cwd(), file)}.`);
  const over = results.filter((r) => r.budgetMs !== undefined && r.p50 > r.budgetMs);
  if (over.length > 0) process.exitCode = 3;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await app?.stop();
  await handle.close();
}

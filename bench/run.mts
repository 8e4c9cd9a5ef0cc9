// `npm run bench [-- --quick]`: every user path of Fulcrum next to the floor it cannot
// beat, as one markdown table (also written to bench/results.json, which git ignores).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- --quick
//
// DATABASE_URL names the PostgreSQL server to use; the benchmark creates databases of its
// own there (fulcrum_bench_*), seeded once and copied for every run, and never writes to
// the database the URL names. It builds the production app if its sources changed, then
// serves it on 127.0.0.1 only. The run stops itself 30 minutes (--quick: 15) after the builds.
// BENCH_PORT (default 3400) and the port after it (the bare route) are used.
// --submissions-only and --curve-only each run one section alone (see bench/README.md).
import os from "node:os";
import path from "node:path";
import { type Database, type DatabaseHandle, openPglite } from "@/db/client";
import { seedDemo } from "@/server/internal/seed/demo";
import { seedLarge } from "@/server/internal/seed/large";
import { clock } from "@/lib/clock";
import { bundleRows, routeBundles } from "./lib/build-facts.mjs";
import { ensureBuild } from "./lib/app.mjs";
import { buildBareRoute } from "./lib/submission.mjs";
import { stopEveryServer } from "./lib/submission/next-server.mjs";
import { PostgresDatabases, pgliteCopy, seedFingerprint } from "./lib/databases.mjs";
import { markdownTable, writeResults } from "./lib/report.mjs";
import { embeddedDirectory, embeddedRows, runOnApp, type Target } from "./lib/run-app.mjs";
import { scoringRows } from "./lib/scoring.mjs";
import { sealingRows } from "./lib/sealing.mjs";
import { importRows } from "./lib/org-import.mjs";
import { curveRows } from "./lib/cost-curve.mjs";
import { rawTeamsRow } from "./lib/teams-raw.mjs";
import type { Row } from "./lib/types.mjs";

const quick = process.argv.includes("--quick");
/** Only the submissions on the large seed (and their floors): for work on the survey action. */
const submissionsOnly = process.argv.includes("--submissions-only");
/** Only the cost curve: for work on how the costs grow, whose seeds and sizes take the longest. */
const curveOnly = process.argv.includes("--curve-only");
if (submissionsOnly && curveOnly) {
  console.error("--submissions-only and --curve-only leave nothing to run together: choose one.");
  process.exit(1);
}
const PLAN = quick ? { runs: 50, loadSeconds: 4, curveRuns: 10, limitSeconds: 900 } : { runs: 100, loadSeconds: 10, curveRuns: 20, limitSeconds: 1_800 };
/** The large seed of `npm run db:seed:large`; --quick uses the small one in its place. */
const LARGE = { managers: 2_000, reps: 25_000, cycles: 12 };
/** The embedded database is compared with PostgreSQL on the same small organisation. */
const SMALL = { managers: 150, reps: 1_800, cycles: 3 };
const port = Number(process.env.BENCH_PORT ?? 3400);
const log = (line: string) => console.error(line);
/** This run's copies of the templates, by port: runs side by side on other ports keep theirs. */
const COPIES = `fulcrum_benchrun_${port}_`;

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("The benchmark needs a PostgreSQL server: set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres.");
  process.exit(1);
}

const cleanups: (() => Promise<void>)[] = [];
/** Arms the run's time limit. The builds come before it: `npm start` would do them anyway. */
function limitTheRun() {
  const limit = setTimeout(() => {
    console.error(`The benchmark ran past its ${PLAN.limitSeconds} s limit and was stopped.`);
    // The servers first: a database cannot be dropped while they hold connections to it.
    void stopEveryServer()
      .then(() => Promise.allSettled(cleanups.map((cleanup) => cleanup())))
      .finally(() => process.exit(2));
  }, PLAN.limitSeconds * 1000);
  limit.unref();
}

const today = clock.now();
const demoSeed = (db: Database) => seedDemo(db, today).then(() => undefined);
const largeSeed = (scale: typeof SMALL) => async (db: Database) => void (await seedLarge(db, { ...scale, today, log: () => {} }));
// The demo and the large seed place their cycles around today: a new day is a new seed.
const day = today.toISOString().slice(0, 10);

/** Runs `work` on a database, closing it afterwards whatever happens. */
async function withDatabase<T>(handle: DatabaseHandle, work: (db: Database) => Promise<T>): Promise<T> {
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const started = performance.now();
const pg = new PostgresDatabases(databaseUrl);
// The copies are only this run's scratch space; the seeded templates stay for the next run.
cleanups.push(async () => {
  await pg.dropCopies(COPIES);
  await pg.close();
});
const rows: Row[] = [];
/** Rows written that differ from the submissions reported saved: such a run proves nothing. */
const problems: string[] = [];
/** The builds' bundles aside, every section but the cost curve. */
async function everythingButTheCurve() {
  const demoTemplate = submissionsOnly ? null : await pg.template("fulcrum_bench_demo", seedFingerprint({ demo: day }), demoSeed, log);
  // --quick's "large" seed is the small one: one template each, so neither mode drops the other's.
  const smallTemplate = await pg.template("fulcrum_bench_small", seedFingerprint({ ...SMALL, day }), largeSeed(SMALL), log);
  const largeTemplate = quick ? smallTemplate : await pg.template("fulcrum_bench_large", seedFingerprint({ ...LARGE, day }), largeSeed(LARGE), log);

  const appOptions = { port, runs: PLAN.runs, loadSeconds: PLAN.loadSeconds, log };
  const large = await pg.copy(largeTemplate, `${COPIES}large`);
  const onLarge: Target = { kind: "postgres", url: large, label: quick ? "PostgreSQL, large seed (quick scale)" : "PostgreSQL, large seed" };
  const largeRun = await runOnApp(onLarge, { ...appOptions, submissions: true, pages: submissionsOnly ? "none" : "all" });
  rows.push(...largeRun.rows);
  problems.push(...largeRun.problems);
  if (!submissionsOnly && demoTemplate) {
    rows.push(
      ...(await withDatabase(pg.open(`${COPIES}large`), async (db) => [
        ...(await scoringRows(db, "Domain code, large seed", PLAN.runs, 2)),
        ...(await sealingRows("Domain code, large seed", PLAN.runs)),
        ...(quick ? [] : [await rawTeamsRow(db, largeRun.personas, "Design choice, large seed", 5)]),
      ])),
    );

    const demo = await pg.copy(demoTemplate, `${COPIES}demo`);
    rows.push(...(await runOnApp({ kind: "postgres", url: demo, label: "PostgreSQL, demo seed" }, { ...appOptions, submissions: false, pages: "all" })).rows);

    // Embedded against server, on the same small organisation: submissions and the report.
    const smallOnServer = quick
      ? largeRun
      : await runOnApp(
          { kind: "postgres", url: await pg.copy(smallTemplate, `${COPIES}small`), label: "PostgreSQL, small seed" },
          { ...appOptions, submissions: true, pages: "report" },
        );
    const smallDir = path.join(os.tmpdir(), "fulcrum-bench-small");
    await pgliteCopy("small", seedFingerprint({ ...SMALL, day }), largeSeed(SMALL), embeddedDirectory(smallDir), log);
    const embedded = await runOnApp(
      { kind: "pglite", dataDir: smallDir, label: "PGlite (embedded), small seed" },
      { ...appOptions, submissions: true, pages: "report" },
    );
    rows.push(...embeddedRows(embedded, smallOnServer));
    problems.push(...embedded.problems, ...(quick ? [] : smallOnServer.problems));

    await pg.copy(demoTemplate, `${COPIES}import`);
    rows.push(...(await withDatabase(pg.open(`${COPIES}import`), (db) => importRows(db, "Org import, PostgreSQL", PLAN.runs))));
    const demoDir = path.join(os.tmpdir(), "fulcrum-bench-demo");
    await pgliteCopy("demo", seedFingerprint({ demo: day }), demoSeed, demoDir, log);
    rows.push(...(await withDatabase(await openPglite(demoDir), (db) => importRows(db, "Org import, PGlite (embedded)", PLAN.runs))));
  }
}

try {
  const buildMs = ensureBuild(log);
  buildBareRoute();
  limitTheRun();
  const bundles = routeBundles(path.join(import.meta.dirname, "..", ".next"));
  rows.push(...bundleRows(bundles));

  if (!curveOnly) await everythingButTheCurve();
  if (!submissionsOnly) rows.push(...(await curveRows({ pg, quick, port, runs: PLAN.curveRuns, today, day, log })));

  const seconds = (performance.now() - started) / 1000;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${await pg.serverVersion()}`;
  console.log(
    `\nFulcrum benchmark${quick ? " (--quick)" : ""}, ${today.toISOString().slice(0, 16)}Z on ${machine}; ${Math.round(seconds)} s (build ${Math.round(buildMs / 1000)} s).\n`,
  );
  console.log(markdownTable(rows));
  const file = path.join(import.meta.dirname, "results.json");
  writeResults(file, { at: today.toISOString(), quick, machine, seconds, rows });
  log(`\nWritten to ${path.relative(process.cwd(), file)}.`);
  const missed = rows.filter((row) => row.target && !row.target.met);
  if (problems.length > 0) {
    log(`The database does not match what the load reported saved:\n${problems.join("\n")}`);
    process.exitCode = 1;
  } else if (missed.length > 0) {
    log(`${missed.length} target${missed.length === 1 ? "" : "s"} missed: ${missed.map((row) => `${row.section}: ${row.name}`).join("; ")}`);
    process.exitCode = 3;
  }
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

import { randomBytes } from "node:crypto";
import path from "node:path";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { sealKeyBase64 } from "@/server/env";
import { startApp } from "./app.mjs";
import { findPersonas, pageRows, type Personas } from "./pages.mjs";
import {
  countSubmissions,
  measureBareRoute,
  measurePgbench,
  measureServerAction,
  prepareRaters,
  RaterQueue,
  startBareRoute,
  submissionProblems,
  submissionRows,
  type SubmissionRun,
  verifyAcrossRuns,
} from "./submission.mjs";
import type { Row } from "./types.mjs";

/** Where the app under test keeps its data: a PostgreSQL database, or FULCRUM_DATA_DIR for PGlite. */
export type Target = { kind: "postgres"; url: string; label: string } | { kind: "pglite"; dataDir: string; label: string };

/** Where the app keeps its embedded database inside FULCRUM_DATA_DIR (see server/env.ts). */
export const embeddedDirectory = (dataDir: string) => path.join(dataDir, "pglite");

export interface AppRunOptions {
  port: number;
  runs: number;
  /** Seconds of measured load per submission row, after a warm-up of a fifth of that. */
  loadSeconds: number;
  /** Which pages to read: all of them, only the manager's report, or none. */
  pages: "all" | "report" | "none";
  submissions: boolean;
  log: (line: string) => void;
}

export interface AppRun {
  rows: Row[];
  personas: Personas;
  /** Rows written that differ from the submissions reported saved: the run is then void. */
  problems: string[];
}

const SERVER_RSS_BUDGET_MB = 400;
const PAGE_P50_TARGETS_ON_LARGE = { "manager report": 80, "/teams": 150 };
const STATEMENT_TIMEOUT_MS = 30_000;
const CONCURRENCY = [10, 50];
/**
 * The app's and the bare route's pools, the same for both. With pgbench's 50 clients and
 * the benchmark's own connections this stays under PostgreSQL's default 100.
 */
const POOL_MAX = 16;
/** More raters than the fastest load can use up: each submits once. */
const RATERS = 20_000;

const openTarget = (target: Target): Promise<DatabaseHandle> =>
  target.kind === "postgres"
    ? Promise.resolve(openPostgres({ url: target.url, poolMax: 4, statementTimeoutMs: STATEMENT_TIMEOUT_MS }))
    : openPglite(embeddedDirectory(target.dataDir), STATEMENT_TIMEOUT_MS);

/**
 * One app on one database: cold start, the pages, the submissions at each concurrency
 * (with their floors on PostgreSQL), then the server's memory after all that load.
 * PGlite is locked by the app while it runs, so on it everything that needs the database
 * directly happens before the app starts or after it stops, and pages are timed over HTTP only.
 */
export async function runOnApp(target: Target, options: AppRunOptions): Promise<AppRun> {
  const { log } = options;
  const section = target.label;
  const embedded = target.kind === "pglite";
  log(`${section}:`);
  let handle = await openTarget(target);
  // One rater first: preparing opens a benchmark cycle when none is open, which the rep's
  // pages need. The rest, which may take more cycles, come after the pages on PostgreSQL,
  // so that the pages see the organisation as it is; PGlite needs them all before.
  if (options.submissions) await prepareRaters(handle.db, 1);
  const personas = await findPersonas(handle.db);
  const prepare = async () => new RaterQueue(await prepareRaters(handle.db, embedded ? RATERS / 4 : RATERS));
  const earlyRaters = options.submissions && embedded ? await prepare() : null;
  const before = earlyRaters && (await countSubmissions(handle.db, earlyRaters.cycleIds()));
  if (embedded) await handle.close();

  const authSecret = randomBytes(48).toString("base64url");
  const database: Record<string, string> = embedded ? { FULCRUM_DATA_DIR: target.dataDir } : { DATABASE_URL: target.url, DATABASE_POOL_MAX: String(POOL_MAX) };
  // The seal key of this process (FULCRUM_SEAL_KEY, or .data/seal-key in demo mode): the one
  // the seeds and the benchmark cycles were opened with (server/seal.ts `sealKey()`), so
  // that the app accepts their cycles and seals what it is sent with the same key.
  const app = await startApp({ port: options.port, env: { AUTH_SECRET: authSecret, FULCRUM_SEAL_KEY: sealKeyBase64(), ...database } });
  const rows: Row[] = [{ section, name: "cold start: `next start` to the first 200 on /login", value: app.coldStartMs, unit: "ms" }];
  let runs: SubmissionRun[] = [];
  try {
    rows.push(
      ...(await pageRows({
        section,
        db: embedded ? null : handle.db,
        baseUrl: app.baseUrl,
        authSecret,
        personas,
        only: { all: undefined, report: ["manager report"], none: [] }[options.pages],
        runs: options.runs,
        warmup: 5,
        timeoutMs: STATEMENT_TIMEOUT_MS,
        sqlWithin: 1.5,
        p50Targets: /large/.test(section) && !embedded ? PAGE_P50_TARGETS_ON_LARGE : {},
        log,
      })),
    );
    const raters = earlyRaters ?? (options.submissions ? await prepare() : null);
    if (raters) {
      const load = { raters, durationMs: options.loadSeconds * 1000, warmupMs: options.loadSeconds * 200 };
      const bare = target.kind === "postgres" ? await startBareRoute({ databaseUrl: target.url, port: options.port + 1, poolMax: POOL_MAX }) : null;
      try {
        for (const concurrency of CONCURRENCY) {
          log(`  ${section}: submissions, ${concurrency} concurrent…`);
          const serverAction = await measureServerAction({ ...load, concurrency, appUrl: app.baseUrl, authSecret, db: embedded ? undefined : handle.db });
          if (!bare || target.kind !== "postgres") {
            runs.push({ concurrency, serverAction });
            continue;
          }
          const bareRoute = await measureBareRoute({ ...load, concurrency, url: bare.url, db: handle.db });
          const pgbench = await measurePgbench({ databaseUrl: target.url, db: handle.db, concurrency, durationMs: load.durationMs, warmupMs: load.warmupMs });
          runs.push({ concurrency, serverAction, bareRoute, pgbench });
        }
      } finally {
        await bare?.stop();
      }
    }
    const rss = app.rssMB();
    rows.push({
      section,
      name: "server memory (RSS) after the load",
      value: rss,
      unit: "MB",
      target: { text: `≤ ${SERVER_RSS_BUDGET_MB} MB`, met: rss <= SERVER_RSS_BUDGET_MB },
    });
  } finally {
    await app.stop();
    if (!embedded) await handle.close();
  }
  if (earlyRaters && before) {
    handle = await openTarget(target);
    try {
      runs = await verifyAcrossRuns(handle.db, earlyRaters, before, runs);
    } finally {
      await handle.close();
    }
  }
  rows.splice(rows.length - 1, 0, ...submissionRows(section, runs));
  return { rows, personas, problems: submissionProblems(runs) };
}

/**
 * The embedded database against PostgreSQL on the same organisation: each of the embedded
 * run's submission and report figures, with the server's as its floor.
 */
export function embeddedRows(embedded: AppRun, server: AppRun): Row[] {
  const compared = /^(server action|manager report: GET|cold start|server memory)/;
  return embedded.rows.flatMap((row) => {
    const other = server.rows.find((candidate) => candidate.name === row.name);
    if (!other || !compared.test(row.name)) return [];
    return [
      {
        section: "Embedded (PGlite) against PostgreSQL, same seed",
        name: row.name,
        value: row.value,
        unit: row.unit,
        floor: { name: "PostgreSQL", value: other.value },
        notes: row.notes,
      },
    ];
  });
}

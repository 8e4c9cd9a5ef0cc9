import { randomBytes } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { applyImport, fileHash, previewImport } from "@/server/dal/org-import";
import { sealKeyBase64 } from "@/server/env";
import { seedLarge } from "@/server/internal/seed/large";
import { loadViewer } from "@/server/internal/viewer";
import { openAnswers, sealKey } from "@/server/seal";
import type { SealedFormat } from "@/lib/survey/sealed-answers";
import { startApp } from "./app.mjs";
import { closeOverHttp } from "./close-action.mjs";
import { type PostgresDatabases, seedFingerprint } from "./databases.mjs";
import { type CurvePoint, growthRow } from "./growth.mjs";
import { latestClosedCycles, pageRows, type Personas } from "./pages.mjs";
import { mintSessionCookie } from "./session-cookie.mjs";
import { percentile, summarise, time } from "./stats.mjs";
import type { Row } from "./types.mjs";

/** The sizes of the curve, in first-line managers below one VP; --quick's are smaller. */
export const CURVE_SIZES = { full: [500, 2_000, 10_000], quick: [100, 300, 1_000] } as const;
/** About ten responses a manager in the open cycle, at the seed's 92% participation: 100,000 at 10,000 managers. */
const REPS_PER_MANAGER = 11;
/** /teams compares the latest closed cycle with the one before it. */
const CLOSED_CYCLES = 2;
/** Issue 22's /teams p50 targets, by size. */
const TEAMS_P50_TARGETS: Record<number, number> = { 2_000: 150, 10_000: 400 };
const SQL_WITHIN = 1.5;
/** Requests to /report before the close, for its p99 when nothing else runs. */
const IDLE_REPORT_REQUESTS = 100;
/** Bounds on any one request and on the close itself: a run never hangs. */
const REQUEST_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10 * 60_000;
/** The app's pool, as in the other sections (run-app.mts). */
const POOL_MAX = 16;
/** One first-line manager in this many moves to another area in the imported org chart. */
const MOVED_ONE_IN = 10;

const count = (n: number) => n.toLocaleString("en");

export interface CurveOptions {
  pg: PostgresDatabases;
  quick: boolean;
  port: number;
  /** HTTP requests and data-access runs per page and size. */
  runs: number;
  today: Date;
  /** The day, part of each seed's fingerprint: the seed places its cycles around it. */
  day: string;
  log: (line: string) => void;
}

/** An organisation of `managers` first-line managers below one VP, two closed cycles and one open with sealed answers. */
export function curveTemplate(options: CurveOptions, managers: number): Promise<string> {
  const seed = { managers, reps: managers * REPS_PER_MANAGER, cycles: CLOSED_CYCLES, vps: 1, openCycle: true };
  return options.pg.template(
    `fulcrum_bench_curve${managers}`,
    seedFingerprint({ ...seed, day: options.day }),
    async (db) => {
      await seedLarge(db, { ...seed, today: options.today, log: () => {} });
    },
    options.log,
  );
}

interface CurvePeople extends Personas {
  admin: { id: string };
  openCycleId: string;
  /** Teams on the VP's /teams: every manager below them in the latest closed cycle. */
  teams: number;
}

/** The VP, a manager with the fullest report, an administrator, a rep, and the cycles, from the seeded organisation. */
async function findCurvePeople(db: Database): Promise<CurvePeople> {
  const one = async <T,>(query: ReturnType<typeof sql>, what: string): Promise<T> => {
    const [row] = await selectUncheckedRows<T>(db, query);
    if (!row) throw new Error(`The cost curve's seed has no ${what}.`);
    return row;
  };
  const vp = await one<{ id: string; email: string }>(
    sql`SELECT p.id, p.email FROM people p JOIN people top ON top.id = p.reports_to AND top.reports_to IS NULL
      WHERE EXISTS (SELECT 1 FROM people r WHERE r.reports_to = p.id) ORDER BY p.email LIMIT 1`,
    "VP",
  );
  const closed = await latestClosedCycles(db);
  if (!closed) throw new Error("The cost curve's organisation has no closed cycle.");
  const open = await one<{ id: string }>(sql`SELECT id FROM cycles WHERE state = 'open'`, "open cycle");
  const manager = await one<Personas["manager"]>(
    sql`SELECT p.id, p.email, s.respondents FROM cycle_team_summaries s JOIN people p ON p.id = s.manager_id
      WHERE s.cycle_id = ${closed.cycleId} ORDER BY s.respondents DESC, p.email LIMIT 1`,
    "rated manager",
  );
  const rep = await one<Personas["rep"]>(
    sql`SELECT p.id, p.email, a.cycle_id AS "cycleId", a.manager_id AS "managerId" FROM cycle_assignments a JOIN people p ON p.id = a.rater_id
      WHERE a.cycle_id = ${open.id} AND a.rater_id <> a.manager_id ORDER BY p.email LIMIT 1`,
    "rep",
  );
  const admin = await one<{ id: string }>(sql`SELECT id FROM people WHERE is_admin AND is_active ORDER BY email LIMIT 1`, "administrator");
  const { teams } = await one<{ teams: number }>(sql`SELECT count(*)::int AS teams FROM cycle_team_summaries WHERE cycle_id = ${closed.cycleId}`, "teams");
  return { rep, manager, director: { ...vp, ...closed }, admin, openCycleId: open.id, teams };
}

/** GET /report as the manager, to the last byte; throws unless it is their report. */
async function getReport(baseUrl: string, cookie: string) {
  const response = await fetch(`${baseUrl}/report`, { headers: { Cookie: cookie }, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await response.text();
  if (response.status !== 200 || !body.includes("Show as table")) throw new Error(`GET /report answered ${response.status}.`);
}

/**
 * The close's unsealing on its own: every sealed row of the cycle read and opened in this
 * process, as the close does in the app's, in one synchronous pass that holds its event loop.
 */
async function unsealingMs(db: Database, cycleId: string): Promise<number> {
  const [cycle] = await selectUncheckedRows<{ format: number }>(db, sql`SELECT sealed_format AS format FROM cycles WHERE id = ${cycleId}`);
  const sealed = await selectUncheckedRows<{ managerId: string; sealed: Buffer }>(
    db,
    sql`SELECT manager_id AS "managerId", sealed FROM sealed_responses WHERE cycle_id = ${cycleId}`,
  );
  const key = sealKey();
  const started = performance.now();
  for (const row of sealed) openAnswers(key, cycleId, row.managerId, row.sealed, cycle!.format as SealedFormat);
  return performance.now() - started;
}

interface CloseRun {
  /** NaN when the close failed; `failure` says why. */
  closeMs: number;
  failure: string | null;
  unsealingMs: number;
  idle: number[];
  during: number[];
  failed: number;
  sealed: number;
  written: number;
}

/**
 * The administrator closes the open cycle over HTTP while one client keeps asking the same
 * app for the manager's report, one request after another, until the close has answered.
 * Before it, the report's timings with nothing else running.
 */
async function closeUnderLoad(db: Database, baseUrl: string, people: CurvePeople, authSecret: string): Promise<CloseRun> {
  const managerCookie = await mintSessionCookie(people.manager.id, authSecret);
  const adminCookie = await mintSessionCookie(people.admin.id, authSecret);
  const idle = await time(() => getReport(baseUrl, managerCookie), IDLE_REPORT_REQUESTS, 5);
  const unsealing = await unsealingMs(db, people.openCycleId);
  const [before] = await selectUncheckedRows<{ sealed: number }>(
    db,
    sql`SELECT count(*)::int AS sealed FROM sealed_responses WHERE cycle_id = ${people.openCycleId}`,
  );

  const during: number[] = [];
  let failed = 0;
  let closing = true;
  const load = (async () => {
    while (closing) {
      const started = performance.now();
      try {
        await getReport(baseUrl, managerCookie);
        during.push(performance.now() - started);
      } catch {
        failed++;
      }
    }
  })();
  let closeMs = Number.NaN;
  let failure: string | null = null;
  try {
    closeMs = await closeOverHttp({ appUrl: baseUrl, cookie: adminCookie, cycleId: people.openCycleId, timeoutMs: CLOSE_TIMEOUT_MS });
  } catch (error) {
    // A close that fails is a result too: the row says so, and the run goes on.
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    closing = false;
    await load;
  }
  const common = { unsealingMs: unsealing, idle, during, failed, sealed: before?.sealed ?? 0 };
  if (failure) return { closeMs, failure, ...common, written: 0 };

  const [after] = await selectUncheckedRows<{ state: string; left: number; written: number }>(
    db,
    sql`SELECT c.state::text AS state,
        (SELECT count(*)::int FROM sealed_responses s WHERE s.cycle_id = c.id) AS left,
        (SELECT count(*)::int FROM responses r WHERE r.cycle_id = c.id) AS written
      FROM cycles c WHERE c.id = ${people.openCycleId}`,
  );
  if (after?.state !== "closed" || after.left !== 0 || after.written === 0) {
    throw new Error(`After the close the cycle is ${after?.state} with ${after?.left} sealed rows left and ${after?.written} responses written.`);
  }
  return { closeMs, failure, ...common, written: after.written };
}

interface ImportRun {
  lines: number;
  moved: number;
  dryRun: number[];
  applyMs: number;
}

/**
 * The org-chart import at this size: everyone who leads a team, from the VP down (about
 * 1.07 lines a first-line manager), with one first-line manager in ten moved to another
 * area, as an "update" import (the reps stay as they are). The whole organisation, reps
 * included, would be more lines than an import takes at once (lib/org-import MAX_IMPORT_ROWS).
 */
async function importAtSize(db: Database, people: CurvePeople, runs: number): Promise<ImportRun> {
  const viewer = await loadViewer(db, people.admin.id);
  if (!viewer) throw new Error("The cost curve's administrator is not active.");
  const leaders = await selectUncheckedRows<{ email: string; name: string; manager_email: string; first_line: boolean }>(
    db,
    sql`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM people WHERE id = ${people.director.id}
      UNION ALL SELECT p.id FROM people p JOIN tree t ON p.reports_to = t.id
    )
    SELECT p.email, p.name, m.email AS manager_email,
      NOT EXISTS (SELECT 1 FROM people r JOIN people rr ON rr.reports_to = r.id WHERE r.reports_to = p.id) AS first_line
    FROM tree JOIN people p ON p.id = tree.id JOIN people m ON m.id = p.reports_to
    WHERE EXISTS (SELECT 1 FROM people r WHERE r.reports_to = p.id)
    ORDER BY p.email`,
  );
  const areas = [...new Set(leaders.filter((line) => line.first_line).map((line) => line.manager_email))].sort();
  let moved = 0;
  const lines = leaders.map(({ email, name, manager_email, first_line }, i) => {
    if (!first_line || i % MOVED_ONE_IN !== 0 || areas.length < 2) return { email, name, manager_email, admin: "" };
    moved++;
    const next = areas[(areas.indexOf(manager_email) + 1) % areas.length]!;
    return { email, name, manager_email: next, admin: "" };
  });
  const csv = stringify(lines, { header: true, columns: ["email", "name", "manager_email", "admin"] });
  const dryRun = await time(() => previewImport(db, viewer, csv), Math.max(3, Math.ceil(runs / 5)), 1);
  const started = performance.now();
  const outcome = await applyImport(db, viewer, csv, fileHash(csv));
  const applyMs = performance.now() - started;
  if (outcome.counts.moved !== moved) throw new Error(`The import moved ${outcome.counts.moved} people, not ${moved}.`);
  return { lines: lines.length, moved, dryRun, applyMs };
}

/** The measurements the growth rows compare across sizes, by name. */
type Points = Map<string, CurvePoint[]>;
const addPoint = (points: Points, name: string, point: CurvePoint) => points.set(name, [...(points.get(name) ?? []), point]);

/** Every measurement at one size, on a fresh copy of its template, with the app under test serving it. */
async function measureSize(options: CurveOptions, managers: number, points: Points): Promise<Row[]> {
  const { pg, log } = options;
  const section = `Cost curve, ${count(managers)} managers below one VP`;
  log(`${section}:`);
  const template = await curveTemplate(options, managers);
  const url = await pg.copy(template, `fulcrum_benchrun_${options.port}_curve`);
  const handle = pg.open(`fulcrum_benchrun_${options.port}_curve`);
  const rows: Row[] = [];
  try {
    const people = await findCurvePeople(handle.db);
    const authSecret = randomBytes(48).toString("base64url");
    const app = await startApp({
      port: options.port,
      env: { AUTH_SECRET: authSecret, FULCRUM_SEAL_KEY: sealKeyBase64(), DATABASE_URL: url, DATABASE_POOL_MAX: String(POOL_MAX) },
    });
    let close: CloseRun;
    try {
      const target = TEAMS_P50_TARGETS[managers];
      const pages = await pageRows({
        section,
        db: handle.db,
        baseUrl: app.baseUrl,
        authSecret,
        personas: people,
        only: ["/teams", "CSV export"],
        runs: options.runs,
        warmup: 2,
        timeoutMs: REQUEST_TIMEOUT_MS,
        sqlWithin: SQL_WITHIN,
        p50Targets: target === undefined ? {} : { "/teams": target },
        log,
      });
      for (const row of pages) {
        row.notes = `${row.notes}; ${count(people.teams)} teams`;
        addPoint(points, row.name.replace(/ GET .* p50$/, " GET p50"), { managers, ms: row.value });
      }
      rows.push(...pages);
      log(`  ${section}: closing the open cycle under load…`);
      close = await closeUnderLoad(handle.db, app.baseUrl, people, authSecret);
    } finally {
      await app.stop();
    }
    const idle = [...close.idle].sort((a, b) => a - b);
    const during = [...close.during].sort((a, b) => a - b);
    addPoint(points, "closing the open cycle", { managers, ms: close.closeMs });
    rows.push(
      {
        section,
        name: "closing the open cycle (admin's action over HTTP)",
        value: close.closeMs,
        unit: "ms",
        target: { text: "closes", met: close.failure === null },
        notes: `${close.failure ? `failed: ${close.failure}; ` : ""}${count(close.sealed)} sealed responses, ${count(close.written)} written; of it, opening the seals alone takes ${close.unsealingMs.toFixed(0)} ms in one pass (measured apart); then writing, team summaries, dropping the partition, VACUUM`,
      },
      {
        section,
        name: "manager report during the close: GET /report p99",
        value: percentile(during, 99),
        unit: "ms",
        floor: { name: "the same with nothing else running", value: percentile(idle, 99) },
        target: { text: "every request answered", met: close.failed === 0 && during.length > 0 },
        notes: `p50 ${percentile(during, 50).toFixed(1)} ms (idle ${percentile(idle, 50).toFixed(1)}), max ${(during.at(-1) ?? Number.NaN).toFixed(0)} ms; ${during.length} answered, ${close.failed} failed, one after another`,
      },
    );

    log(`  ${section}: org import…`);
    const imported = await importAtSize(handle.db, people, options.runs);
    const dryRun = summarise(imported.dryRun);
    addPoint(points, "org import: dry run p50", { managers, ms: dryRun.p50 });
    addPoint(points, "org import: apply", { managers, ms: imported.applyMs });
    const lines = `${count(imported.lines)} lines (everyone who leads a team), ${count(imported.moved)} moved`;
    rows.push(
      { section, name: "org import: dry run (parse, check, plan) p50", value: dryRun.p50, unit: "ms", notes: `${lines}; ${dryRun.runs} runs` },
      { section, name: "org import: apply", value: imported.applyMs, unit: "ms", notes: `${lines}; one run` },
    );
  } finally {
    await handle.close();
  }
  return rows;
}

/**
 * The cost curve of issue 22: for each size, /teams and its CSV export as the VP, closing
 * the open cycle while the manager's report is read, and the org import; then, for each
 * measurement, whether it grew at most linearly with the managers.
 */
export async function curveRows(options: CurveOptions): Promise<Row[]> {
  const sizes = options.quick ? CURVE_SIZES.quick : CURVE_SIZES.full;
  const points: Points = new Map();
  const rows: Row[] = [];
  for (const managers of sizes) rows.push(...(await measureSize(options, managers, points)));
  const section = `Cost curve: growth from ${count(sizes[0])} to ${count(sizes.at(-1)!)} managers`;
  for (const [name, curve] of points) rows.push(growthRow(section, name, curve));
  return rows;
}

import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { loadAssessment, openAssessmentsFor } from "@/server/dal/assessments";
import { loadReport } from "@/server/dal/report";
import { currentThresholds } from "@/server/dal/settings";
import { exportTeams, loadTeamsPage } from "@/server/dal/teams";
import { teamsQuery } from "@/server/internal/teams-queries";
import { parseView } from "@/lib/teams/view";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { mintSessionCookie } from "./session-cookie.mjs";
import { summarise, time } from "./stats.mjs";
import type { Row } from "./types.mjs";

/** The people the pages are read as, picked from whatever the database holds. */
export interface Personas {
  rep: { id: string; email: string; cycleId: string; managerId: string };
  manager: { id: string; email: string; respondents: number };
  /** With the latest closed cycle and the one before, which the teams statement takes. */
  director: { id: string; email: string; cycleId: string; previousCycleId: string | null };
}

/**
 * A rep with an open, unanswered rating; the manager with the most respondents in the
 * latest closed cycle (the fullest report); the person at the top of the largest tree.
 */
export async function findPersonas(db: Database): Promise<Personas> {
  const [rep] = await selectUncheckedRows<Personas["rep"]>(
    db,
    sql`
    SELECT p.id, p.email, a.cycle_id AS "cycleId", a.manager_id AS "managerId"
    FROM cycle_assignments a JOIN cycles c ON c.id = a.cycle_id AND c.state = 'open' JOIN people p ON p.id = a.rater_id
    WHERE a.rater_id <> a.manager_id AND p.is_active
      AND NOT EXISTS (SELECT 1 FROM participations x WHERE x.cycle_id = a.cycle_id AND x.rater_id = a.rater_id AND x.manager_id = a.manager_id)
      AND NOT EXISTS (SELECT 1 FROM people r WHERE r.reports_to = p.id)
    ORDER BY p.email DESC LIMIT 1`,
  );
  const closed = await latestClosedCycles(db);
  if (!rep || !closed) throw new Error("The benchmark needs an open cycle with someone yet to answer, and a closed cycle.");
  const [manager] = await selectUncheckedRows<Personas["manager"]>(
    db,
    sql`
    SELECT p.id, p.email, s.respondents FROM cycle_team_summaries s JOIN people p ON p.id = s.manager_id
    WHERE s.cycle_id = ${closed.cycleId} ORDER BY s.respondents DESC, p.email LIMIT 1`,
  );
  const [director] = await selectUncheckedRows<{ id: string; email: string }>(
    db,
    sql`
    WITH RECURSIVE tree(root, id) AS (
      SELECT id, id FROM people WHERE reports_to IS NULL
      UNION ALL SELECT t.root, p.id FROM tree t JOIN people p ON p.reports_to = t.id
    )
    SELECT p.id, p.email FROM tree JOIN people p ON p.id = tree.root GROUP BY p.id, p.email ORDER BY count(*) DESC LIMIT 1`,
  );
  if (!manager || !director) throw new Error("The benchmark needs a rated manager and a tree of teams.");
  return { rep, manager, director: { ...director, ...closed } };
}

type ClosedCycles = Omit<Personas["director"], "id" | "email">;

/** The latest closed cycle and the one before it, as the teams page reads them; null when none has closed. */
export async function latestClosedCycles(db: Database): Promise<ClosedCycles | null> {
  const [closed] = await selectUncheckedRows<ClosedCycles>(
    db,
    sql`
    SELECT id AS "cycleId", lead(id) OVER newest AS "previousCycleId"
    FROM cycles WHERE state = 'closed' WINDOW newest AS (ORDER BY opens_on DESC) ORDER BY opens_on DESC LIMIT 1`,
  );
  return closed ?? null;
}

interface PageCase {
  name: string;
  persona: keyof Personas;
  path(personas: Personas): string;
  /** Text that only the intended page contains: a redirect or an error page is not a result. */
  expect: string;
  /** The page's data access, as the page calls it: the viewer, then its loaders. */
  appSql(db: Database, viewer: Viewer, personas: Personas): Promise<unknown>;
  /** The best single statement we can write for the same data, without the app around it. */
  floor(personas: Personas): SQL;
}

const viewerOf = async (db: Database, id: string) => {
  const viewer = await loadViewer(db, id);
  if (!viewer) throw new Error(`No active person ${id}.`);
  return viewer;
};

/**
 * The /teams rows with their stored scores, current and previous, and the pools of the
 * teams reporting to the director, in one statement: the floor of /teams and of its CSV.
 * It is the app's own teams query, the fastest way we found that keeps one plan at every
 * size (walking the snapshot down through reports_to, instead of reading the range below
 * the director in its stored pre-order, cost two recursive walks of about 48 ms each at
 * 10,000 managers); the page runs three statements more.
 */
export function teamsFloor({ id, cycleId, previousCycleId }: Personas["director"]): SQL {
  return teamsQuery(id, cycleId, previousCycleId);
}

const PAGES: PageCase[] = [
  {
    name: "rep home",
    persona: "rep",
    path: () => "/",
    expect: "Welcome,",
    appSql: (db, viewer) => openAssessmentsFor(db, viewer),
    floor: ({ rep }) => sql`
      SELECT v.name, c.id, c.name, c.closes_on, m.id, m.name, a.rater_id = a.manager_id AS is_self,
        EXISTS (SELECT 1 FROM participations p WHERE p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id) AS done
      FROM people v
      JOIN cycle_assignments a ON a.rater_id = v.id
      JOIN cycles c ON c.id = a.cycle_id AND c.state = 'open'
      JOIN people m ON m.id = a.manager_id
      WHERE v.id = ${rep.id} AND v.is_active`,
  },
  {
    name: "survey",
    persona: "rep",
    path: ({ rep }) => `/assessments/${rep.cycleId}/${rep.managerId}`,
    expect: "Submit my answers",
    appSql: async (db, viewer, { rep }) => [await loadAssessment(db, viewer, rep.cycleId, rep.managerId), await currentThresholds(db)],
    floor: ({ rep }) => sql`
      SELECT c.name, c.state, c.closes_on, m.name, s.min_commenters,
        EXISTS (SELECT 1 FROM participations p WHERE p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id) AS done
      FROM people v
      JOIN cycle_assignments a ON a.rater_id = v.id AND a.cycle_id = ${rep.cycleId} AND a.manager_id = ${rep.managerId}
      JOIN cycles c ON c.id = a.cycle_id
      JOIN people m ON m.id = a.manager_id
      CROSS JOIN settings s
      WHERE v.id = ${rep.id} AND v.is_active`,
  },
  {
    name: "manager report",
    persona: "manager",
    path: () => "/report",
    expect: "Show as table",
    appSql: (db, viewer) => loadReport(db, viewer),
    // The same sufficient statistics for the trend's closed cycles, with no access walk: the manager's own.
    floor: ({ manager }) => sql`
      SELECT r.cycle_id, a.aspect, count(DISTINCT r.id) AS respondents,
        count(a.management), sum(a.management), sum(a.management * a.management),
        count(a.leadership), sum(a.leadership), sum(a.leadership * a.leadership),
        count(a.need), sum(a.need), sum(a.need * a.need)
      FROM responses r JOIN response_answers a ON a.response_id = r.id
      WHERE r.manager_id = ${manager.id}
        AND r.cycle_id IN (SELECT id FROM cycles WHERE state = 'closed' ORDER BY opens_on DESC LIMIT 8)
      GROUP BY r.cycle_id, a.aspect`,
  },
  {
    name: "/teams",
    persona: "director",
    path: () => "/teams",
    expect: "Teams below you",
    appSql: (db, viewer) => loadTeamsPage(db, viewer),
    floor: ({ director }) => teamsFloor(director),
  },
  {
    name: "CSV export",
    persona: "director",
    path: ({ director }) => `/teams/${director.cycleId}/export`,
    expect: "organisation",
    appSql: (db, viewer, { director }) => exportTeams(db, viewer, director.cycleId, parseView({})),
    floor: ({ director }) => teamsFloor(director),
  },
];

export interface PageRunOptions {
  section: string;
  /** The database, when this process may use it alongside the app (not so for PGlite). */
  db: Database | null;
  baseUrl: string;
  /** The app's AUTH_SECRET: each persona gets the session cookie a sign-in would give them. */
  authSecret: string;
  /** Page names to read; all when absent. */
  only?: string[];
  personas: Personas;
  runs: number;
  warmup: number;
  timeoutMs: number;
  /** The SQL row's target: within this many times its floor. */
  sqlWithin: number;
  /** p50 targets for some pages, by name, in ms. */
  p50Targets?: Record<string, number>;
  log: (line: string) => void;
}

/**
 * For each page: the signed-in GET of the whole document (to the last byte), the page's
 * own data access run in this process (its SQL plus the little domain code around it),
 * and the hand-written floor, each `runs` times after `warmup`, one after the other.
 */
export async function pageRows(options: PageRunOptions): Promise<Row[]> {
  const { db, personas, runs, warmup } = options;
  const cookies = new Map<keyof Personas, string>();
  for (const persona of ["rep", "manager", "director"] as const) {
    cookies.set(persona, await mintSessionCookie(personas[persona].id, options.authSecret));
  }
  const rows: Row[] = [];
  for (const page of PAGES.filter((p) => !options.only || options.only.includes(p.name))) {
    options.log(`  ${options.section}: ${page.name}…`);
    const person = personas[page.persona];
    let bytes = 0;
    const get = async () => {
      const response = await fetch(`${options.baseUrl}${page.path(personas)}`, {
        headers: { Cookie: cookies.get(page.persona)! },
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = await response.text();
      if (response.status !== 200 || !body.includes(page.expect))
        throw new Error(`GET ${page.path(personas)} answered ${response.status} without “${page.expect}”.`);
      bytes = Buffer.byteLength(body);
    };
    const http = summarise(await time(get, runs, warmup));
    const floor = db ? summarise(await time(() => selectUncheckedRows(db, page.floor(personas)), runs, warmup)) : null;
    const p50Target = options.p50Targets?.[page.name];
    rows.push({
      section: options.section,
      name: `${page.name}: GET ${page.path(personas).replace(/[0-9a-f-]{36}/g, "…")} p50`,
      value: http.p50,
      unit: "ms",
      ...(floor && { floor: { name: "hand-written SQL", value: floor.p50 } }),
      ...(p50Target !== undefined && { target: { text: `p50 ≤ ${p50Target} ms`, met: http.p50 <= p50Target } }),
      notes: `p95 ${http.p95.toFixed(1)} ms, ${http.runs} requests, ${Math.round(bytes / 1024)} KiB`,
    });
    if (!db || !floor) continue;
    const app = summarise(await time(async () => page.appSql(db, await viewerOf(db, person.id), personas), runs, warmup));
    rows.push({
      section: options.section,
      name: `${page.name}: the page's data access p50`,
      value: app.p50,
      unit: "ms",
      floor: { name: "hand-written SQL", value: floor.p50 },
      target: { text: `≤ ${options.sqlWithin}× floor`, met: app.p50 <= options.sqlWithin * floor.p50 },
      notes: `its statements and the domain code that shapes their rows; p95 ${app.p95.toFixed(1)} ms; floor p95 ${floor.p95.toFixed(1)} ms`,
    });
  }
  return rows;
}

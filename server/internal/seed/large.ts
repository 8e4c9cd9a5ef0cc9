import "server-only";
import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { ASPECT_KEYS } from "@/lib/aspects";
import { clock } from "@/lib/clock";
import { SITUATION_KEYS, type SituationKey } from "@/lib/situations";
import { hashPassword } from "@/server/auth/password";
import { closeCycle } from "@/server/internal/cycles/close";
import { markOpen } from "@/server/internal/cycles/open";
import { takeSnapshot } from "@/server/internal/cycles/snapshot";
import type { Database } from "@/db/client";
import { cycles, people as peopleTable, responseAnswers, responses } from "@/db/schema";
import { DEMO_PASSWORD } from "./demo-org";
import { openCycleWithSealedAnswers } from "./large-open-cycle";
import { seededRandom, shuffled } from "./random";

/**
 * A large organisation for load tests: by default about 2,000 first-line managers under a
 * tree of directors (a chief revenue officer, VPs, regional and area directors), about
 * 25,000 reps and 12 closed quarterly cycles with about 300,000 responses.
 *
 * Everything bulky is generated inside PostgreSQL with INSERT … SELECT, from
 * `generate_series`, `jsonb_to_recordset` and hashes of ids, so the seed takes minutes,
 * not hours. Every account shares one password hash, computed once.
 *
 * Each cycle runs the way the product runs one: a draft, the snapshot of who rates whom
 * taken from the tree as it is then, participation, the answers, and finally the product's
 * own `closeCycle`. One shortcut, for speed: the answers are generated in SQL and stored in
 * the clear, as a version of Fulcrum from before sealing stored them, instead of sealed one
 * by one in the app. The close treats them as it treats sealed ones: it keeps only what may
 * be shown and rewrites it in random order under its own transaction.
 * Between cycles a few reps and managers move, so that each snapshot differs a little
 * from the last, as in a real company.
 */

export const LARGE_DOMAIN = "scale.example";
/** The top of the tree: the account the benchmark signs in as. */
export const LARGE_TOP_EMAIL = `cro@${LARGE_DOMAIN}`;
export const LARGE_ADMIN_EMAIL = `admin@${LARGE_DOMAIN}`;
export const LARGE_PASSWORD = DEMO_PASSWORD;

export interface LargeSeedOptions {
  managers?: number;
  reps?: number;
  cycles?: number;
  /** VPs below the top; by default one per 20 areas of 16 managers, at most six. One puts every team below one VP. */
  vps?: number;
  /** Also this quarter's cycle, open, with most of each team's answers sealed as the survey writes them: what a close opens. */
  openCycle?: boolean;
  /** The last closed cycle is the quarter before this day's. */
  today?: Date;
  log?: (message: string) => void;
}

interface Person {
  id: string;
  name: string;
  email: string;
  reportsTo: string | null;
  isAdmin: boolean;
}

const FIRST_NAMES = [
  "Ada",
  "Aiden",
  "Alba",
  "Amara",
  "Anders",
  "Ana",
  "Arjun",
  "Aurora",
  "Bea",
  "Bruno",
  "Camille",
  "Carlos",
  "Chen",
  "Chiara",
  "Dara",
  "David",
  "Elif",
  "Emil",
  "Erin",
  "Farah",
  "Felipe",
  "Freya",
  "Gabriel",
  "Greta",
  "Hana",
  "Henrik",
  "Ines",
  "Ivan",
  "Jade",
  "Jonas",
  "Julia",
  "Kai",
  "Kenji",
  "Lara",
  "Leon",
  "Lina",
  "Luca",
  "Maya",
  "Mateo",
  "Mei",
  "Nadia",
  "Nils",
  "Noor",
  "Omar",
  "Paula",
  "Pedro",
  "Priya",
  "Rafael",
  "Rosa",
  "Sami",
  "Sara",
  "Sven",
  "Talia",
  "Tomás",
  "Uma",
  "Vera",
  "Wei",
  "Yara",
  "Yusuf",
  "Zara",
];
const LAST_NAMES = [
  "Abbott",
  "Adeyemi",
  "Almeida",
  "Andersen",
  "Bakker",
  "Barros",
  "Becker",
  "Bianchi",
  "Brennan",
  "Castro",
  "Chowdhury",
  "Costa",
  "Dubois",
  "Eriksen",
  "Ferrari",
  "Fischer",
  "García",
  "Gupta",
  "Haddad",
  "Hansen",
  "Hoffmann",
  "Ibrahim",
  "Ito",
  "Jansen",
  "Kaur",
  "Keller",
  "Kim",
  "Kowalski",
  "Larsen",
  "Lindqvist",
  "Martins",
  "Meyer",
  "Molina",
  "Moreau",
  "Nakamura",
  "Nguyen",
  "Novak",
  "O'Connor",
  "Okafor",
  "Olsen",
  "Park",
  "Patel",
  "Petrov",
  "Quinn",
  "Rossi",
  "Santos",
  "Schmidt",
  "Silva",
  "Sato",
  "Tanaka",
  "Varga",
  "Vasquez",
  "Weber",
  "Walsh",
  "Wong",
  "Yilmaz",
  "Zhang",
  "Zimmermann",
];

const ascii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

/** Splits `total` into `parts` whole numbers that vary around the mean, each at least `min`. */
function spread(total: number, parts: number, random: () => number, min = 1): number[] {
  if (parts * min > total) throw new RangeError(`Cannot split ${total} into ${parts} parts of at least ${min}`);
  const weights = Array.from({ length: parts }, () => 0.4 + random() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(min, Math.floor((w / sum) * total)));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % parts) {
    if (left > 0) {
      sizes[i]!++;
      left--;
    } else if (sizes[i]! > min) {
      sizes[i]!--;
      left++;
    }
  }
  return sizes;
}

function buildOrg(managerCount: number, repCount: number, random: () => number, vpCount?: number) {
  const people: Person[] = [];
  let serial = 0;
  const add = (reportsTo: string | null, options: { email?: string; name?: string; isAdmin?: boolean } = {}) => {
    serial++;
    const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
    const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
    const name = options.name ?? `${first} ${last}`;
    const email = options.email ?? `${ascii(first)}.${ascii(last)}.${serial}@${LARGE_DOMAIN}`;
    const person = { id: randomUUID(), name, email, reportsTo, isAdmin: options.isAdmin ?? false };
    people.push(person);
    return person;
  };

  const top = add(null, { email: LARGE_TOP_EMAIL, name: "Victoria Hale" });
  add(top.id, { email: LARGE_ADMIN_EMAIL, name: "Scale Admin", isAdmin: true });
  const areaCount = Math.max(1, Math.round(managerCount / 16));
  const vps = Array.from({ length: vpCount ?? Math.min(6, Math.ceil(areaCount / 20)) }, () => add(top.id));
  const regionals = vps.flatMap((vp) => Array.from({ length: 4 }, () => add(vp.id)));
  const areasPerRegional = spread(areaCount, regionals.length, random);
  const areas = regionals.flatMap((regional, i) => Array.from({ length: areasPerRegional[i]! }, () => add(regional.id)));
  const managersPerArea = spread(managerCount, areas.length, random);
  const managers = areas.flatMap((area, i) => Array.from({ length: managersPerArea[i]! }, () => add(area.id)));
  // About one team in thirty is smaller than the default k of 3.
  const small = managers.map(() => (random() < 0.035 ? 1 + Math.floor(random() * 2) : 0));
  const smallTotal = small.reduce((a, b) => a + b, 0);
  const regular = spread(repCount - smallTotal, small.filter((size) => size === 0).length, random, 3);
  const teamSizes = small.map((size) => (size > 0 ? size : regular.shift()!));
  const reps = managers.flatMap((manager, i) => Array.from({ length: teamSizes[i]! }, () => add(manager.id)));
  return { people, top, areas, managers, reps };
}

/**
 * A number in [0, 1) from a hash of an id and a salt, computed in SQL: the same manager
 * keeps the same profile in every cycle without any table to hold it.
 */
const unit = (id: SQL, salt: string) => sql`((('x' || substr(md5(${id}::text || ${salt}), 1, 8))::bit(32)::bigint) / 4294967296.0)`;
/** A roughly normal number with mean 0 and standard deviation about `sd`. */
const noise = (sd: number) => sql`((random() + random() + random() - 1.5) * ${sd * 2})`;

async function insertPeople(db: Database, people: Person[], passwordHash: string, createdAt: Date) {
  const batch = 5_000;
  for (let start = 0; start < people.length; start += batch) {
    const rows = people.slice(start, start + batch).map((p) => ({ id: p.id, name: p.name, email: p.email, is_admin: p.isAdmin }));
    await db.execute(sql`
      INSERT INTO people (id, name, email, is_admin, password_hash, created_at)
      SELECT id, name, email, is_admin, ${passwordHash}, ${createdAt.toISOString()}::timestamptz FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(id uuid, name text, email text, is_admin boolean)`);
  }
  await setManagers(
    db,
    people.filter((p) => p.reportsTo).map((p) => ({ id: p.id, reports_to: p.reportsTo! })),
  );
}

async function setManagers(db: Database, moves: { id: string; reports_to: string }[]) {
  if (moves.length === 0) return;
  await db.execute(sql`
    UPDATE people SET reports_to = x.reports_to
    FROM jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) AS x(id uuid, reports_to uuid)
    WHERE people.id = x.id`);
}

/** A few reps change teams and a few managers change area between two cycles. */
function churn(org: ReturnType<typeof buildOrg>, random: () => number) {
  const moves: { id: string; reports_to: string }[] = [];
  for (const rep of org.reps) {
    if (random() < 0.02) {
      rep.reportsTo = org.managers[Math.floor(random() * org.managers.length)]!.id;
      moves.push({ id: rep.id, reports_to: rep.reportsTo });
    }
  }
  for (const manager of org.managers) {
    if (random() < 0.01) {
      manager.reportsTo = org.areas[Math.floor(random() * org.areas.length)]!.id;
      moves.push({ id: manager.id, reports_to: manager.reportsTo });
    }
  }
  return moves;
}

function quarterCycles(today: Date, count: number) {
  const quarterStart = Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1);
  const start = new Date(quarterStart);
  return Array.from({ length: count }, (_, index) => {
    const quartersAgo = count - index;
    const opens = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 3 * quartersAgo + 1, 3));
    const closes = new Date(opens.getTime() + 27 * 86_400_000);
    return {
      index,
      name: `Q${Math.floor(opens.getUTCMonth() / 3) + 1} ${opens.getUTCFullYear()}`,
      opensOn: opens.toISOString().slice(0, 10),
      closesOn: closes.toISOString().slice(0, 10),
      openedAt: new Date(opens.getTime() + 8 * 3_600_000),
      closedAt: new Date(closes.getTime() + 18 * 3_600_000),
    };
  });
}

const COMMENTS = [
  "Clear targets every week, and the pipeline reviews help.",
  "I would like more coaching on complex deals.",
  "Great at explaining where the region is going.",
  "Recognition for team wins would go a long way.",
  "Forecast reviews get skipped when things are busy.",
  "Always open to new ideas from the team.",
];

async function runCycle(db: Database, cycle: ReturnType<typeof quarterCycles>[number], log: (message: string) => void) {
  const started = performance.now();
  const [created] = await db
    .insert(cycles)
    .values({ name: cycle.name, opensOn: cycle.opensOn, closesOn: cycle.closesOn, createdAt: cycle.openedAt })
    .returning({ id: cycles.id });
  const cycleId = created!.id;
  // The snapshot, exactly as opening a cycle takes it.
  await db.transaction(async (tx) => {
    await takeSnapshot(tx, cycleId);
    await markOpen(tx, cycleId, { openedAt: cycle.openedAt });
  });

  // Who answered: most of each team, a little more or less depending on the manager.
  await db.execute(sql`
    INSERT INTO participations (cycle_id, rater_id, manager_id, submitted_on)
    SELECT a.cycle_id, a.rater_id, a.manager_id, ${cycle.opensOn}::date + floor(random() * 28)::int
    FROM cycle_assignments a
    WHERE a.cycle_id = ${cycleId} AND a.rater_id <> a.manager_id
      AND random() < 0.86 + 0.12 * ${unit(sql`a.manager_id`, "participation")}`);

  // What they answered, in another transaction and in random order. Each manager has a
  // profile (how strongly each pole is seen, drifting a little per cycle) derived from a
  // hash of their id; every answer adds noise and a few "can't say".
  const i = cycle.index;
  const managing = sql`(1.8 + 2.8 * ${unit(sql`r.manager_id`, "m")} + ${i} * (${unit(sql`r.manager_id`, "dm")} - 0.5) * 0.12)`;
  const leading = sql`(1.8 + 2.8 * ${unit(sql`r.manager_id`, "l")} + ${i} * (${unit(sql`r.manager_id`, "dl")} - 0.5) * 0.12)`;
  const need = sql`(${unit(sql`r.manager_id`, "need")} * 2.4 - 1.2)`;
  const tilt = (salt: string) => sql`((${unit(sql`asp.aspect::text`, salt)} - 0.5) * 0.6)`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO responses (cycle_id, manager_id, comment)
      SELECT p.cycle_id, p.manager_id,
        CASE WHEN random() < 0.2 THEN (${sql.raw(`ARRAY[${COMMENTS.map((c) => `'${c.replaceAll("'", "''")}'`).join(",")}]`)})[1 + floor(random() * ${COMMENTS.length})::int] END
      FROM participations p WHERE p.cycle_id = ${cycleId}
      ORDER BY random()`);
    await tx.execute(sql`
      INSERT INTO response_answers (response_id, aspect, management, leadership, need)
      SELECT r.id, asp.aspect,
        CASE WHEN random() < 0.04 THEN NULL ELSE least(5, greatest(1, round(${managing} + ${tilt("tm")} + ${noise(0.75)})))::smallint END,
        CASE WHEN random() < 0.05 THEN NULL ELSE least(5, greatest(1, round(${leading} + ${tilt("tl")} + ${noise(0.75)})))::smallint END,
        CASE WHEN random() < 0.06 THEN NULL ELSE least(2, greatest(-2, round(${need} + ${noise(0.7)})))::smallint END
      FROM responses r
      CROSS JOIN unnest(enum_range(NULL::aspect)) AS asp(aspect)
      WHERE r.cycle_id = ${cycleId}
      ORDER BY random()`);
  });

  // Most managers assess themselves, a little kinder on the leading side than their team.
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO self_assessments (cycle_id, manager_id, submitted_on)
      SELECT a.cycle_id, a.manager_id, ${cycle.opensOn}::date + floor(random() * 28)::int
      FROM cycle_assignments a
      WHERE a.cycle_id = ${cycleId} AND a.rater_id = a.manager_id AND random() < 0.85`);
    await tx.execute(sql`
      INSERT INTO self_assessment_answers (cycle_id, manager_id, aspect, management, leadership)
      SELECT r.cycle_id, r.manager_id, asp.aspect,
        least(5, greatest(1, round(${managing} + ${noise(0.5)})))::smallint,
        least(5, greatest(1, round(${leading} + 0.4 + ${noise(0.5)})))::smallint
      FROM self_assessments r
      CROSS JOIN unnest(enum_range(NULL::aspect)) AS asp(aspect)
      WHERE r.cycle_id = ${cycleId}`);
  });

  const opened = performance.now();
  const closed = await closeCycle(db, cycleId, { closedAt: cycle.closedAt });
  if (!closed) throw new Error(`${cycle.name} did not close`);
  log(`  ${cycle.name}: opened and answered in ${((opened - started) / 1000).toFixed(1)} s, closed in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
}

/** A history of situations for most teams: one to three saves each, by the manager's manager. */
async function insertSituations(db: Database, org: ReturnType<typeof buildOrg>, today: Date, random: () => number) {
  const rows: { manager_id: string; situations: SituationKey[]; changed_by: string; changed_at: string }[] = [];
  for (const manager of [...org.managers, ...org.areas]) {
    if (random() < 0.35 || !manager.reportsTo) continue;
    const saves = 1 + Math.floor(random() * 3);
    for (let save = 0; save < saves; save++) {
      const marked = shuffled(SITUATION_KEYS, random).slice(0, Math.floor(random() * 5));
      const daysAgo = (saves - save) * 60 + Math.floor(random() * 30);
      rows.push({
        manager_id: manager.id,
        situations: marked,
        changed_by: manager.reportsTo,
        changed_at: new Date(today.getTime() - daysAgo * 86_400_000).toISOString(),
      });
    }
  }
  await db.execute(sql`
    INSERT INTO team_situations (manager_id, situations, changed_by, changed_at)
    SELECT manager_id, ARRAY(SELECT jsonb_array_elements_text(situations))::situation[], changed_by, changed_at
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(manager_id uuid, situations jsonb, changed_by uuid, changed_at timestamptz)`);
  return rows.length;
}

/** Seeds the large organisation into an empty PostgreSQL database. */
export async function seedLarge(db: Database, options: LargeSeedOptions = {}) {
  const log = options.log ?? (() => {});
  const today = options.today ?? clock.now();
  if ((await db.$count(peopleTable)) > 0) throw new Error("The database already has people in it: the large seed needs an empty database.");
  const random = seededRandom(20_261_123);
  const started = performance.now();

  const org = buildOrg(options.managers ?? 2_000, options.reps ?? 25_000, random, options.vps);
  const passwordHash = await hashPassword(LARGE_PASSWORD);
  const calendar = quarterCycles(today, options.cycles ?? 12);
  // Everyone joined before the first cycle opened.
  await insertPeople(db, org.people, passwordHash, calendar[0]?.openedAt ?? today);
  log(`People: ${org.people.length} (${org.managers.length} first-line managers, ${org.areas.length} area directors, ${org.reps.length} reps)`);

  for (const cycle of calendar) {
    if (cycle.index > 0) await setManagers(db, churn(org, random));
    await runCycle(db, cycle, log);
  }
  const situations = await insertSituations(db, org, today, random);
  log(`Team situations: ${situations} saves`);
  if (options.openCycle) {
    const sealed = await openCycleWithSealedAnswers(db, today, random);
    log(`Open cycle: ${sealed} sealed responses`);
  }
  await db.execute(sql`ANALYZE`);

  const totals = { responses: await db.$count(responses), answers: await db.$count(responseAnswers) };
  log(`Responses: ${totals.responses} (${totals.answers} answer rows, ${ASPECT_KEYS.length} aspects each)`);
  log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s. Every account signs in with "${LARGE_PASSWORD}"; the top is ${LARGE_TOP_EMAIL}.`);
  return { people: org.people.length, managers: org.managers.length, reps: org.reps.length, cycles: calendar.length, responses: totals.responses };
}

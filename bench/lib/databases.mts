import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { type Database, type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { sealKey } from "@/server/seal";

const root = path.resolve(import.meta.dirname, "..", "..");
/** Bulk seeding statements run far longer than the app's own statement timeout. */
const SEED_TIMEOUT_MS = 30 * 60_000;
/** Where seeded embedded databases are kept between runs; .data/ is git-ignored. */
const PGLITE_CACHE = path.join(root, ".data", "bench");

/** Everything a seeded database's content follows from: change one and the cached copy is rebuilt. */
const SEED_SOURCES = [
  "db/migrations",
  "server/internal/seed",
  "db/schema.ts",
  "server/internal/cycles",
  // The close stores each team's scores, pools and places, and the statistics on them.
  "server/internal/team-scores.ts",
  "lib/teams/scores.ts",
  "lib/teams/pools.ts",
  "lib/teams/tree.ts",
  "server/seal.ts",
  "lib/aspects.ts",
  "lib/survey/sealed-answers.ts",
];

function hashTree(entry: string, hash: ReturnType<typeof createHash>) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) hashTree(path.join(entry, name), hash);
  } else {
    hash.update(entry).update(readFileSync(full));
  }
}

/**
 * A short fingerprint of the seed code, the schema, the seed's options and the seal key:
 * the seeds open cycles, which record the fingerprint of this process's key (server/seal.ts
 * `sealKey()`, the key the app under test gets too, see run-app.mts), and the demo seals
 * its open cycle's answers with it. An app started with another key would refuse them, so
 * another key means another seed.
 */
export function seedFingerprint(options: unknown): string {
  const hash = createHash("sha256").update(JSON.stringify(options)).update(sealKey().fingerprint);
  for (const entry of SEED_SOURCES) hashTree(entry, hash);
  return hash.digest("hex").slice(0, 12);
}

/** The same server as `databaseUrl`, another database on it. */
export function databaseUrlFor(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export type Seeder = (db: Database) => Promise<void>;

/**
 * Creating, copying and dropping the benchmark's own databases on the PostgreSQL server
 * that DATABASE_URL names. The database DATABASE_URL itself is never touched: seeding
 * happens once into a template named after the seed's fingerprint, and every run works on
 * a fresh copy of it, so runs never see each other's writes.
 */
export class PostgresDatabases {
  private readonly admin: postgres.Sql;

  constructor(private readonly databaseUrl: string) {
    this.admin = postgres(databaseUrlFor(databaseUrl, "postgres"), { max: 1, onnotice: () => {} });
  }

  private async exists(name: string) {
    const rows = await this.admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    return rows.length > 0;
  }

  private async drop(name: string) {
    await this.admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  /** The template for `prefix` seeded as `seed` does, built only when its fingerprint is new. */
  async template(prefix: string, fingerprint: string, seed: Seeder, log: (line: string) => void): Promise<string> {
    const name = `${prefix}_${fingerprint}`;
    if (await this.exists(name)) return name;
    // Templates of older seed code are only disk space now.
    const stale = await this.admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`${prefix}\\_%`}`;
    for (const { datname } of stale) await this.drop(datname);
    const building = `${name}_building`;
    await this.admin.unsafe(`CREATE DATABASE "${building}"`);
    const started = performance.now();
    log(`Seeding ${name} (once; later runs copy it)…`);
    const handle = openPostgres({ url: databaseUrlFor(this.databaseUrl, building), poolMax: 4, statementTimeoutMs: SEED_TIMEOUT_MS });
    try {
      await handle.migrate();
      await seed(handle.db);
    } finally {
      await handle.close();
    }
    // Renamed only when complete: an interrupted seed never passes for a finished one.
    await this.admin.unsafe(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    log(`Seeded ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    return name;
  }

  /** A new database with the template's content, replacing any earlier one of that name. */
  async copy(template: string, name: string): Promise<string> {
    await this.drop(name);
    await this.admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    return databaseUrlFor(this.databaseUrl, name);
  }

  open(name: string, poolMax = 4): DatabaseHandle {
    return openPostgres({ url: databaseUrlFor(this.databaseUrl, name), poolMax, statementTimeoutMs: SEED_TIMEOUT_MS });
  }

  /** Drops every database whose name starts with `prefix`. */
  async dropCopies(prefix: string) {
    const copies = await this.admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE starts_with(datname, ${prefix})`;
    for (const { datname } of copies) await this.drop(datname);
  }

  async serverVersion(): Promise<string> {
    const [row] = await this.admin<{ server_version: string }[]>`SHOW server_version`;
    return row?.server_version ?? "unknown";
  }

  async close() {
    await this.admin.end({ timeout: 5 });
  }
}

/**
 * An embedded database seeded as `seed` does, in a fresh directory: a copy of a cached one
 * under .data/bench, which is seeded first if its fingerprint is new.
 */
export async function pgliteCopy(prefix: string, fingerprint: string, seed: Seeder, target: string, log: (line: string) => void): Promise<string> {
  const cached = path.join(PGLITE_CACHE, `${prefix}-${fingerprint}`);
  if (!existsSync(cached)) {
    mkdirSync(PGLITE_CACHE, { recursive: true });
    // Copies of older seed code, and any seed that was cut short.
    for (const name of readdirSync(PGLITE_CACHE).filter((name) => name.startsWith(`${prefix}-`))) {
      rmSync(path.join(PGLITE_CACHE, name), { recursive: true, force: true });
    }
    const building = `${cached}-building`;
    const started = performance.now();
    log(`Seeding an embedded database (once; later runs copy it)…`);
    const handle = await openPglite(building, SEED_TIMEOUT_MS);
    try {
      await handle.migrate();
      await seed(handle.db);
    } finally {
      await handle.close();
    }
    renameSync(building, cached);
    log(`Seeded it in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  }
  rmSync(target, { recursive: true, force: true });
  cpSync(cached, target, { recursive: true });
  return target;
}

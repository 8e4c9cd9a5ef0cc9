import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openPglite } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { seedDemoIfEmpty } from "@/server/internal/seed/demo";

/**
 * Where the seeded demo organisation is built, once per test run: next to the run's own
 * data directory, which playwright.config.ts names for all its workers (outside a run,
 * once per process). The global teardown removes it.
 */
export const SEEDED_TEMPLATE = `${process.env.FULCRUM_E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "fulcrum-e2e-"))}-seeded`;

/**
 * The seeded demo, built on first use and copied for each server that needs a database of
 * its own. Seeding hashes every demo password with argon2: copying a directory is much
 * cheaper than seeding again.
 */
async function seededTemplate(): Promise<string> {
  const template = SEEDED_TEMPLATE;
  if (existsSync(template)) return template;
  const building = mkdtempSync(`${template}-building-`);
  await withDatabase(building, async (db) => {
    await seedDemoIfEmpty(db);
  });
  try {
    renameSync(building, template);
  } catch (error) {
    // The other worker finished first: its copy is as good as this one.
    if (!["EEXIST", "ENOTEMPTY"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** A fresh copy of the seeded demo, as a FULCRUM_DATA_DIR. */
export async function seededDataDir(): Promise<string> {
  const template = await seededTemplate();
  const copy = mkdtempSync(path.join(os.tmpdir(), "fulcrum-e2e-own-"));
  cpSync(path.join(template, "pglite"), path.join(copy, "pglite"), { recursive: true });
  return copy;
}

/** Opens (and migrates) the embedded database of a FULCRUM_DATA_DIR while no server holds it. */
export async function withDatabase<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openPglite(path.join(dataDir, "pglite"));
  try {
    await handle.migrate();
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * Per table: how many rows, an md5 of all of them in a fixed order (any write changes it),
 * and an md5 per column of its values in a fixed order (which says what a write changed).
 */
export type Fingerprint = Record<string, { rows: number; digest: string; columns: Record<string, string> }>;

export async function fingerprint(db: Database): Promise<Fingerprint> {
  const columns = await selectUncheckedRows<{ table: string; column: string }>(
    db,
    sql`SELECT c.table_name AS "table", c.column_name AS "column"
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const result: Fingerprint = {};
  for (const [table, names] of byTable) {
    const digests = names.map((name) => {
      const value = sql`quote_nullable(t.${sql.identifier(name)}::text)`;
      return sql`md5(coalesce(string_agg(${value}, E'\n' ORDER BY ${value}), '')) AS ${sql.identifier(name)}`;
    });
    const [row] = await selectUncheckedRows<Record<string, string | number>>(
      db,
      sql`SELECT count(*)::int AS "#rows", md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS "#digest", ${sql.join(digests, sql`, `)}
          FROM ${sql.identifier(table)} AS t`,
    );
    const { "#rows": rows, "#digest": digest, ...perColumn } = row!;
    result[table] = { rows: Number(rows), digest: String(digest), columns: perColumn as Record<string, string> };
  }
  return result;
}

/** What changed in each table that changed: how many rows it gained, and which columns differ. */
export type TableChanges = Record<string, { added: number; columns: string[] }>;

export function compare(before: Fingerprint, after: Fingerprint): TableChanges {
  const changes: TableChanges = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[table];
    const now = after[table];
    if (was?.digest === now?.digest) continue;
    const names = new Set([...Object.keys(was?.columns ?? {}), ...Object.keys(now?.columns ?? {})]);
    changes[table] = {
      added: (now?.rows ?? 0) - (was?.rows ?? 0),
      columns: [...names].filter((name) => was?.columns[name] !== now?.columns[name]).sort(),
    };
  }
  return changes;
}

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL
 * database created next to DATABASE_URL's and dropped afterwards. Which one is chosen by
 * the Vitest project (integration-pglite or integration-postgres).
 */
export interface TestDatabase extends DatabaseHandle {
  /** A second, independent client on the same database, like a second app instance. */
  openSecondClient(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
}

export const testDatabaseKind = process.env.FULCRUM_TEST_DATABASE === "postgres" ? "postgres" : "pglite";

function adminUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("The PostgreSQL suite needs DATABASE_URL");
  return url;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind === "pglite") {
    const handle = await openPglite();
    await handle.migrate();
    return {
      ...handle,
      // PGlite is embedded: one process holds it, so a "second client" is the same one.
      openSecondClient: async () => handle,
      dispose: () => handle.close(),
    };
  }
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  const name = `fulcrum_test_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const open = () => openPostgres({ url: url.toString(), poolMax: 25, statementTimeoutMs: 30_000 });
  const handle = open();
  await handle.migrate();
  const others: DatabaseHandle[] = [];
  return {
    ...handle,
    openSecondClient: async () => {
      const other = open();
      others.push(other);
      return other;
    },
    dispose: async () => {
      await Promise.all([handle, ...others].map((h) => h.close()));
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The SQLSTATE of a failed query, whichever driver raised it. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";
export const CHECK_VIOLATION = "23514";
export const FOREIGN_KEY_VIOLATION = "23503";
export const FEATURE_NOT_SUPPORTED = "0A000";

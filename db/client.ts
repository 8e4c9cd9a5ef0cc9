import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { EmbeddedDatabaseInUse, lockEmbeddedDatabase } from "./embedded-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The common face of both drivers: code above this file never knows which one it has. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  /** Read it for each piece of work: on PostgreSQL a renewed pool brings a new one. */
  readonly db: Database;
  kind: DatabaseKind;
  /**
   * Runs `work` while no other app instance sharing this database runs it too, so that
   * several instances starting at once migrate and seed exactly once.
   */
  exclusively<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Applies the committed migrations in db/migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// An arbitrary constant: the key of the advisory lock that serialises start-up work.
const STARTUP_LOCK_KEY = 4_207_311;

export interface PostgresOptions {
  url: string;
  poolMax: number;
  statementTimeoutMs: number;
}

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * The client as drizzle should see it: every query a prepared statement. drizzle-orm's
 * postgres.js driver prepares only queries given a name, and for any other query with
 * parameters postgres.js first asks the server for their types: two round trips and a new
 * plan for every statement. Prepared, a statement is parsed once per connection and then
 * takes one round trip. Transactions and savepoints hand out their client the same way.
 */
function preparingEveryQuery<C extends Client>(client: C): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if ((property === "begin" || property === "savepoint") && typeof value === "function") {
        return (...args: unknown[]) => {
          const work = args.pop() as (transaction: postgres.TransactionSql) => unknown;
          return value.call(target, ...args, (transaction: postgres.TransactionSql) => work(preparingEveryQuery(transaction)));
        };
      }
      return value;
    },
  });
}

export function openPostgres({ url, poolMax, statementTimeoutMs }: PostgresOptions): DatabaseHandle {
  // No JIT compilation: PostgreSQL compiles every statement whose estimated cost passes
  // jit_above_cost (100,000 by default) on each execution, and the app's statements, which
  // read at most tens of thousands of rows, lose more to the compiling than they gain. The
  // teams page's query at 2,000 managers spent 45 ms of its 85–100 compiling (38–52 without).
  const connection = { statement_timeout: statementTimeoutMs, application_name: "fulcrum", jit: "off" };
  const connect = (max: number, onclose?: () => void) => postgres(url, { max, connection, connect_timeout: 5, onnotice: () => {}, onclose });

  // postgres.js 3.4.9 can leave a pooled connection unable to send anything ever again once
  // its socket died in the middle of a write: each later query on it waits for the connect
  // timeout and fails (porsager/postgres#1066, #1154, #1208). So when a connection closes
  // under the app (a database restart, a failover, a cut network, or just the end of its
  // lifetime), the whole pool is retired: new queries go to a fresh one, and the old one
  // ends once the queries it still runs have finished.
  let closing = false;
  const retiring = new Set<Promise<void>>();
  const openPool = () => {
    const client = connect(poolMax, () => retire(client));
    return { client, db: drizzlePostgres(preparingEveryQuery(client), { schema, casing: "snake_case" }) };
  };
  let pool = openPool();
  function retire(client: postgres.Sql) {
    if (closing || pool.client !== client) return;
    pool = openPool();
    const ended = client.end({ timeout: statementTimeoutMs / 1000 + 5 }).catch(() => {});
    retiring.add(ended);
    void ended.then(() => retiring.delete(ended));
  }

  async function exclusively<T>(work: (db: Database) => Promise<T>): Promise<T> {
    // A session-level advisory lock needs one connection for its whole life.
    const single = connect(1);
    const singleDb = drizzlePostgres(single, { schema, casing: "snake_case" });
    try {
      await single`SELECT pg_advisory_lock(${STARTUP_LOCK_KEY})`;
      return await work(singleDb);
    } finally {
      await single.end({ timeout: 5 });
    }
  }

  return {
    get db() {
      return pool.db;
    },
    kind: "postgres",
    exclusively,
    migrate: () => exclusively((locked) => migratePostgres(locked as typeof pool.db, { migrationsFolder })),
    close: async () => {
      closing = true;
      await Promise.all([pool.client.end({ timeout: 5 }), ...retiring]);
    },
  };
}

/**
 * PGlite, the embedded Postgres. `dataDir` undefined means in memory (tests). Only one
 * PGlite may ever open a directory, so callers keep a single handle per process.
 */
export async function openPglite(dataDir?: string, statementTimeoutMs?: number): Promise<DatabaseHandle> {
  let unlock = () => {};
  let client: PGlite;
  try {
    // Creating the directory and its lock file fail first on a read-only or full disk.
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      unlock = lockEmbeddedDatabase(dataDir);
    }
    client = dataDir ? new PGlite(dataDir) : new PGlite();
    await client.waitReady;
  } catch (error) {
    unlock();
    if (error instanceof EmbeddedDatabaseInUse) throw error;
    throw new Error(`The embedded database in ${dataDir ?? "memory"} could not be opened: check that the directory is writable and the disk is not full.`, {
      cause: error,
    });
  }
  if (statementTimeoutMs) await client.exec(`SET statement_timeout = ${Math.trunc(statementTimeoutMs)}`);
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db,
    kind: "pglite",
    exclusively: (work) => work(db),
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

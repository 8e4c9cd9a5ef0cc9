import "server-only";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { existsSync } from "node:fs";
import path from "node:path";
import { seedDemo } from "./internal/seed/demo";
import { DEMO_PASSWORD } from "./internal/seed/demo-org";
import { SealKeyMismatch } from "./internal/cycles/close";
import { checkSealKey } from "./internal/cycles/open";
import { dropClosedPartitions } from "./internal/cycles/sealed-partitions";
import { organisationIsEmpty } from "./dal/bootstrap";
import { env, listeningPort, missingServerSecrets } from "./env";

const HANDLE = Symbol.for("fulcrum.database");
type Holder = { [HANDLE]?: Promise<DatabaseHandle> };
// On globalThis, not in module scope: Next.js bundles instrumentation and routes
// separately, and two PGlite instances on one directory would corrupt it.
const holder = globalThis as Holder;

/**
 * What the log says when a server that is not in demo mode starts on a database with
 * nobody in it. The server serves on rather than exiting: an empty database is a normal
 * step of a first deployment, exiting would only make an orchestrator restart the
 * container over and over (burying this line under its restarts), and the embedded
 * database must be free of the app for `npm run admin:create` to run anyway.
 */
const EMPTY_DATABASE = `This database is empty. Set FULCRUM_DEMO=on for the demo organisation, or create the first admin with \`npm run admin:create -- --name … --email …\`${
  env.databaseKind === "pglite" ? " while the app is stopped (the embedded database admits one process at a time)" : ""
}.`;

/** Where a newcomer's first start is: each slow step says what it does (README: Quick start). */
const progress = (step: string) => console.info(`Fulcrum: ${step}`);

async function start(): Promise<DatabaseHandle> {
  if (env.databaseKind === "pglite" && !existsSync(env.pgliteDir)) {
    const relative = path.relative(process.cwd(), env.pgliteDir);
    progress(`creating the embedded database in ${relative.startsWith("..") ? env.pgliteDir : relative}…`);
  }
  const handle = env.DATABASE_URL
    ? openPostgres({
        url: env.DATABASE_URL,
        poolMax: env.DATABASE_POOL_MAX,
        statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      })
    : await openPglite(env.pgliteDir, env.DATABASE_STATEMENT_TIMEOUT_MS);
  try {
    await handle.migrate();
    await handle.exclusively(async (db) => {
      // The demo only when asked for (FULCRUM_DEMO=on, which `npm start` sets on a fresh
      // clone). Otherwise an empty database stays empty: nobody can sign in, and the log
      // says how to get the first administrator.
      if (await organisationIsEmpty(db)) {
        if (env.FULCRUM_DEMO) {
          progress("loading the demo organisation…");
          await seedDemo(db);
        } else console.warn(EMPTY_DATABASE);
      }
      await checkSealKey(db);
      // Sealed rows a close could not drop because a long transaction held their table.
      await dropClosedPartitions(db);
    });
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

/**
 * The process's database, opened, migrated and (in demo mode) seeded on first use. A
 * failed start is forgotten, so the next request tries again once the database is back.
 */
export function database(): Promise<DatabaseHandle> {
  holder[HANDLE] ??= start().catch((error: unknown) => {
    holder[HANDLE] = undefined;
    throw error;
  });
  return holder[HANDLE];
}

/**
 * Opens the database as the server starts. An embedded database that cannot be opened
 * (a read-only directory, a full disk, another process holding it) will not open on the
 * next request either: say why, once and without a stack trace, and stop. PostgreSQL may
 * only be down for a moment: say so, and let the next request try again.
 */
export async function openDatabaseAtStart() {
  // Generated secrets are for the demo and for tools; a production server with FULCRUM_DEMO
  // unset or off needs its own. Missing, they stay missing: stop with one sentence each.
  const missing = missingServerSecrets();
  if (missing.length > 0) {
    console.error(`Fulcrum cannot start. ${missing.join(" ")}`);
    process.exit(1);
  }
  try {
    await database();
    const signIn = env.FULCRUM_DEMO ? ` Sign in with any account the sign-in page lists; the demo password is ${DEMO_PASSWORD}.` : "";
    console.info(`Fulcrum is ready at http://localhost:${listeningPort()}.${signIn}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A wrong key stays wrong: waiting for the next request would not help.
    if (env.databaseKind === "pglite" || error instanceof SealKeyMismatch) {
      console.error(`Fulcrum cannot start. ${reason}`);
      process.exit(1);
    }
    console.error(`Fulcrum could not open its PostgreSQL database yet (${reason}). Each request tries again.`);
  }
}

export async function getDb() {
  return (await database()).db;
}

/** Closes the pool (or the embedded database) once, on shutdown. */
export async function closeDatabase() {
  const pending = holder[HANDLE];
  holder[HANDLE] = undefined;
  if (pending) await (await pending.catch(() => null))?.close();
}

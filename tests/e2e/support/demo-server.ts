import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import type { Database } from "@/db/client";
import { type AppServer, startApp } from "../../faults/support/app-server";
import { E2E_SEAL_KEY } from "./seal-key";
import { compare, type Fingerprint, fingerprint, seededDataDir, type TableChanges, withDatabase } from "./demo-database";

/**
 * A copy of the seeded demo that one spec owns, served by production servers of its own
 * (`next start` on the existing build). The shared e2e server cannot be used: its
 * embedded database is locked while it runs, so nothing could be counted before and
 * after. The AUTH_SECRET is known, so the spec can mint session cookies for anyone.
 */
export interface OwnDemo<Setup> {
  authSecret: string;
  /** What `prepare` returned: ids, and whatever else the spec read or set up. */
  setup: Setup;
  /** Starts a server on the database; at most one runs at a time. */
  serve(env?: Record<string, string>): Promise<AppServer>;
  /**
   * Stops the server and says what changed in each table whose rows differ from the last
   * time they were counted (before the first server started, or at the previous call).
   */
  changedTables(): Promise<TableChanges>;
  /** Stops the server, if one runs. */
  stop(): Promise<void>;
  /** Runs `work` on the database; no server may be running. */
  inspect<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Stops the server, if one runs, and deletes the data. */
  dispose(): Promise<void>;
}

export async function ownDemo<Setup>(prepare: (db: Database) => Promise<Setup>): Promise<OwnDemo<Setup>> {
  const dataDir = await seededDataDir();
  const authSecret = randomBytes(48).toString("base64url");
  let counted: Fingerprint;
  let running: AppServer | undefined;
  const stop = async () => {
    await running?.stop();
    running = undefined;
  };
  const setup = await withDatabase(dataDir, async (db) => {
    const result = await prepare(db);
    counted = await fingerprint(db);
    return result;
  });
  return {
    authSecret,
    setup,
    serve: async (env = {}) => {
      if (running) throw new Error("A server already runs on this database.");
      running = await startApp({ env: { FULCRUM_DATA_DIR: dataDir, FULCRUM_DEMO: "on", AUTH_SECRET: authSecret, FULCRUM_SEAL_KEY: E2E_SEAL_KEY, ...env } });
      return running;
    },
    stop,
    changedTables: async () => {
      await stop();
      const now = await withDatabase(dataDir, fingerprint);
      const changes = compare(counted, now);
      counted = now;
      return changes;
    },
    inspect: async (work) => {
      if (running) throw new Error("Stop the server before reading its embedded database.");
      return withDatabase(dataDir, work);
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

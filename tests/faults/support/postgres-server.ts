import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { freePort } from "./ports";

/**
 * A throwaway PostgreSQL server of our own, so that a test may restart it. The machine's
 * shared server is never touched: other suites use it.
 */
export interface PostgresServer {
  /** A URL for the given database on this server. */
  url(database?: string): string;
  /** A superuser client on the `fulcrum` database, for setting up and counting rows. */
  sql: postgres.Sql;
  /** What the server logged so far. */
  log(): string;
  /** A fast restart: every session is terminated, as when an operator restarts the server. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

function serverBinaries() {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`The fault tests start their own PostgreSQL server and found none under ${root}.`);
  return path.join(root, newest, "bin");
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = serverBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fulcrum-faults-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  // PostgreSQL refuses to run as root: as root, run it as the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]] : [path.join(bin, program), args];
  // Durability is not what these tests are about; skipping fsync keeps them fast.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) => command("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", ...args]);
  const url = (database = "fulcrum") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const stop = () => {
    try {
      execFileSync(...pgCtl("-m", "immediate", "stop"), { stdio: "pipe" });
    } catch {
      // Never started, or already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };

  let sql: postgres.Sql;
  try {
    execFileSync(...command("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]), { stdio: "pipe" });
    execFileSync(...pgCtl("-o", options, "start"), { stdio: "pipe" });
    const admin = postgres(url("postgres"), { max: 1, onnotice: () => {} });
    await admin`CREATE DATABASE fulcrum`;
    await admin.end();
    sql = postgres(url(), { max: 2, onnotice: () => {} });
  } catch (error) {
    stop();
    throw error;
  }

  return {
    url,
    sql,
    log: () => readFileSync(path.join(dir, "server.log"), "utf8"),
    restart: async () => {
      await promisify(execFile)(...pgCtl("-m", "fast", "-o", options, "restart"));
    },
    dispose: async () => {
      await sql.end({ timeout: 1 }).catch(() => {});
      stop();
    },
  };
}

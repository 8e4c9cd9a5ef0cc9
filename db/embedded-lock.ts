import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Another live process holds the embedded database: a message of its own, not a disk problem. */
export class EmbeddedDatabaseInUse extends Error {}

/**
 * PGlite is a single-process database: two processes opening one directory corrupt it.
 * A lock file with the owner's pid turns that mistake into a clear message.
 */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  // Beside the directory, not in it: the directory belongs to Postgres.
  const lockFile = `${path.resolve(dataDir)}.lock`;
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(lockFile, "utf8"));
    if (owner !== process.pid && isRunning(owner)) {
      throw new EmbeddedDatabaseInUse(
        `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
      );
    }
    // The previous owner is gone: take the lock over.
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid: number) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
